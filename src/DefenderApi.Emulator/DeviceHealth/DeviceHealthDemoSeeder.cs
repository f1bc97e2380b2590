using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.DeviceHealth;

/// <summary>Seeds an antivirus health record for every Windows, macOS and Linux demo machine.</summary>
internal sealed class DeviceHealthDemoSeeder(IOptions<EmulatorOptions> options) : ITenantSeeder
{
    private static readonly string[] ScanResults = ["Completed", "Completed", "Completed", "Failed", "Canceled", ""];

    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var random = new Random(options.Value.DemoRandomSeed + 10);
        var machines = await db.Machines().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var records = new List<DeviceAvInfo>();
        foreach (var machine in machines)
        {
            var kind = machine.OsPlatform.StartsWith("Windows", StringComparison.Ordinal) ? "windows"
                : machine.OsPlatform == "macOS" ? "mac" : machine.OsPlatform == "Linux" ? "linux" : null;
            if (kind is not null)
            {
                records.Add(Record(tenantId, machine, kind, random));
            }
        }

        await BulkInsert.InsertAsync(db, records, cancellationToken);
    }

    private static DeviceAvInfo Record(Guid tenantId, Machine machine, string kind, Random random)
    {
        var upToDate = random.Next(5) > 0;
        var quick = ScanResults[random.Next(ScanResults.Length)];
        var seen = machine.LastSeen;
        return new DeviceAvInfo
        {
            TenantId = tenantId,
            Id = new Guid(random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + machine.Id[..16]).ToString(),
            MachineId = machine.Id,
            ComputerDnsName = machine.ComputerDnsName,
            OsKind = kind,
            OsPlatform = machine.OsPlatform,
            OsVersion = machine.OsBuild is { } build ? $"10.0.{build}.{random.Next(1000, 5000)}" : machine.Version,
            AvMode = random.Next(10) == 0 ? "1" : "0",
            AvSignatureVersion = upToDate ? "1.421.1279.0" : "1.401.112.0",
            AvEngineVersion = "1.1.24090.11",
            AvPlatformVersion = upToDate ? "4.18.24090.11" : "4.18.23110.3",
            LastSeenTime = seen,
            QuickScanResult = quick,
            QuickScanError = quick == "Failed" ? "0x80508023" : string.Empty,
            QuickScanTime = quick.Length == 0 ? null : seen.AddHours(-random.Next(1, 48)),
            DataRefreshTimestamp = seen,
            AvEngineUpdateTime = seen.AddDays(-random.Next(0, 10)),
            AvSignatureUpdateTime = seen.AddHours(-random.Next(1, upToDate ? 24 : 400)),
            AvPlatformUpdateTime = seen.AddDays(-random.Next(5, 60)),
            AvSignaturePublishTime = seen.AddHours(-random.Next(24, 72)),
            AvIsSignatureUpToDate = upToDate ? "True" : "False",
            AvIsEngineUpToDate = "True",
            AvIsPlatformUpToDate = upToDate ? "True" : "False",
            RbacGroupId = machine.RbacGroupId,
            RbacGroupName = machine.RbacGroupName,
        };
    }
}
