using System.Text.Json;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// The admin data collection of one hunting table (see docs/admin.md): rows are appended (hunting rows have no key) on the
/// data endpoint's own connection and transaction, so a bad row leaves nothing behind.
/// </summary>
/// <param name="table">The hunting table.</param>
internal sealed class HuntingTableLoader(HuntingTable table) : IDataCollectionLoader
{
    public string Name => table.Name;

    // Device rows are the devices' signals: loading one moves the device's last seen, address and health.
    public DeviceLink? Devices => table.Find("DeviceId") is not null ? new DeviceLink("DeviceId", Machines.State.MachineFacets.Signals) : null;

    public Task UpsertAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Hunting rows are loaded inside the data endpoint's transaction.");
        try
        {
            HuntingRowWriter.AppendElements(connection, tenantId.ToString(), table.Name, items, transaction);
        }
        catch (HuntingRowException exception)
        {
            throw new DataItemException(exception.Index, exception.Problem);
        }

        return Task.CompletedTask;
    }

    /// <summary>Registers one loader per table of the hunting schema.</summary>
    public static void AddAll(IServiceCollection services)
    {
        foreach (var huntingTable in HuntingSchema.Xdr.Tables.Where(t => !t.IsSnapshot))
        {
            services.AddSingleton<IDataCollectionLoader>(new HuntingTableLoader(huntingTable));
        }
    }
}
