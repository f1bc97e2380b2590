using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Creates the hunting tables, clears the tenant's hunting rows (so a reset drops appended rows) and, for the
/// <c>demo</c> seed, generates the tenant's demo events, all inside the provisioning transaction.
/// </summary>
internal sealed class HuntingSeeder(IOptions<HuntingOptions> hunting, IOptions<EmulatorOptions> emulator, TimeProvider time) : ITenantSeeder
{
    private static readonly string[] UserNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];

    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.ExecuteSqlRawAsync(HuntingDdl.CreateScript(), cancellationToken);
        var tenant = tenantId.ToString();
        foreach (var table in HuntingSchema.Default.Tables)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {HuntingDdl.Quote(table.Name)} WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant";
            delete.Parameters.AddWithValue("$tenant", tenant);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (seed == "demo" && hunting.Value.DemoEvents > 0)
        {
            var spec = new HuntingDemoSpec(emulator.Value.DemoRandomSeed, DemoDevices(tenantId, hunting.Value.DemoDevices), UserNames, hunting.Value.DemoEvents, time.GetUtcNow());
            HuntingDemoGenerator.Generate(connection, tenant, spec, transaction);
        }
    }

    /// <summary>Devices derived from the tenant id, so each tenant's demo hunting data is stable and its own.</summary>
    private static List<HuntingDevice> DemoDevices(Guid tenantId, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}/{i}")))[..40];
            var platform = (i % 5) switch { 0 => "Linux", 1 => "macOS", 2 => "WindowsServer2022", _ => "Windows11" };
            return new HuntingDevice(id, $"demo-{i.ToString("000", CultureInfo.InvariantCulture)}.contoso.com", platform);
        }),
    ];
}
