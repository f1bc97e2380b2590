using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>Seeds <see cref="EmulatorOptions.DemoMachines"/> demo machines (and their sub-collections) into <c>demo</c> tenants.</summary>
internal sealed class MachineDemoSeeder(IOptions<EmulatorOptions> options, TimeProvider time) : ITenantSeeder
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
        var (machines, related) = new DemoMachineGenerator(settings.DemoRandomSeed, anchor).Generate(tenantId, settings.DemoMachines);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.AddRange(machines);
            db.AddRange(related);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }
}
