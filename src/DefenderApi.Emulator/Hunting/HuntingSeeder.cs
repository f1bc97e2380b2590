using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Users;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Creates the hunting tables, clears the tenant's hunting rows (so a reset drops appended rows) and, for the
/// <c>demo</c> seed, generates the tenant's demo events inside the provisioning transaction, about the tenant's demo
/// machines (the first <see cref="HuntingOptions.DemoDevices"/> by id), the alerts on them and the demo users.
/// Runs in <see cref="SeedStage.Derived"/>, after the machines, alerts and users are stored.
/// </summary>
internal sealed class HuntingSeeder(IOptions<HuntingOptions> hunting, IOptions<EmulatorOptions> emulator, TimeProvider time) : ITenantSeeder
{
    private static readonly string[] FallbackUserNames = ["alice", "bob", "carol", "dave"];

    public SeedStage Stage => SeedStage.Derived;

    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.ExecuteSqlRawAsync(HuntingDdl.CreateScript(HuntingSchema.Xdr), cancellationToken);
        var tenant = tenantId.ToString();
        foreach (var table in HuntingSchema.Xdr.Tables)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {HuntingDdl.Quote(table.Name)} WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant";
            delete.Parameters.AddWithValue("$tenant", tenant);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (seed != "demo" || hunting.Value.DemoEvents == 0)
        {
            return;
        }

        var devices = await db.Machines().OrderBy(m => m.Id).Take(hunting.Value.DemoDevices)
            .Select(m => new HuntingDevice(m.Id, m.ComputerDnsName, m.OsPlatform) { LastSeen = m.LastSeen, LocalIp = m.LastIpAddress }).ToListAsync(cancellationToken);
        if (devices.Count == 0)
        {
            return;
        }

        var deviceIds = devices.Select(d => d.DeviceId).ToList();
        var alerts = await db.Alerts().Include(a => a.Evidence).Where(a => deviceIds.Contains(a.MachineId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var users = await db.Set<UserAccount>().Select(u => u.AccountName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var spec = new HuntingDemoSpec(
            emulator.Value.DemoRandomSeed, devices, users.Count > 0 ? users : FallbackUserNames, hunting.Value.DemoEvents, time.GetUtcNow(),
            [.. alerts.Select(a => a.ToHunting())]);
        HuntingDemoGenerator.Generate(connection, tenant, spec, transaction);
        XdrDemoEvents.Write(connection, tenant, alerts, devices, transaction);
    }
}
