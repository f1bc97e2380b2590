using System.Globalization;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Investigations;

/// <summary>Seeds demo tenants with investigations on about a third of the demo alerts on AIR-supported devices.</summary>
internal sealed class InvestigationDemoSeeder(IOptions<EmulatorOptions> options) : ITenantSeeder
{
    private static readonly string[] FinalStates = ["SuccessfullyRemediated", "Benign", "PartiallyRemediated", "TerminatedBySystem", "Failed"];

    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var random = new Random(options.Value.DemoRandomSeed + 7);
        var machines = await db.Machines().ToDictionaryAsync(m => m.Id, cancellationToken);
        var alerts = await db.Alerts().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var investigations = new List<Investigation>();
        var next = InvestigationService.FirstId;
        foreach (var alert in alerts)
        {
            var machine = machines[alert.MachineId];
            if (AirSupport.Check(machine) is not null)
            {
                alert.InvestigationState = "UnsupportedOs";
                continue;
            }

            if (random.Next(3) != 0)
            {
                continue;
            }

            var running = random.Next(4) == 0;
            var investigation = new Investigation
            {
                TenantId = tenantId,
                Id = (next++).ToString(CultureInfo.InvariantCulture),
                StartTime = alert.AlertCreationTime.AddMinutes(1),
                EndTime = running ? null : alert.AlertCreationTime.AddMinutes(random.Next(10, 240)),
                State = running ? (random.Next(2) == 0 ? InvestigationStates.Running : "PendingApproval") : FinalStates[random.Next(FinalStates.Length)],
                MachineId = machine.Id,
                ComputerDnsName = machine.ComputerDnsName,
                TriggeringAlertId = alert.Id,
            };
            investigations.Add(investigation);
            alert.InvestigationId = long.Parse(investigation.Id, CultureInfo.InvariantCulture);
            alert.InvestigationState = investigation.State;
        }

        await BulkInsert.InsertAsync(db, investigations, cancellationToken);
        await BulkUpdate.UpdateAsync(db, alerts, [nameof(Alert.InvestigationState), nameof(Alert.InvestigationId)], cancellationToken);
        await TenantSequences.SeedAsync(db, tenantId, "investigations", next, cancellationToken);
    }
}
