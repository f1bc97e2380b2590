using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>Seeds <see cref="EmulatorOptions.DemoMachines"/> demo machines (and their sub-collections) into <c>demo</c> tenants.</summary>
internal sealed partial class MachineDemoSeeder(IOptions<EmulatorOptions> options, TimeProvider time, ILogger<MachineDemoSeeder> logger) : ITenantSeeder
{
    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var anchor = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var started = time.GetTimestamp();
        var (machines, related) = new DemoMachineGenerator(settings.DemoRandomSeed, anchor).Generate(tenantId, settings.DemoMachines);
        var generated = time.GetElapsedTime(started);
        await BulkInsert.InsertAsync(db, machines, cancellationToken);
        await BulkInsert.InsertAsync(db, related, cancellationToken);

        LogSeeded(logger, machines.Count, related.Count, tenantId, generated.TotalMilliseconds, time.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Machines} demo machines ({Related} related rows) into tenant {TenantId}: generated in {GeneratedMs:F0} ms, stored in {TotalMs:F0} ms")]
    private static partial void LogSeeded(ILogger logger, int machines, int related, Guid tenantId, double generatedMs, double totalMs);
}
