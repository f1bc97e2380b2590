using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>An alert created by reference (the API or a scenario) moves its device's risk score.</summary>
internal sealed class MachineStateAlertHandler(MachineStateService machines, EmulatorDbContext db) : IAlertCreatedHandler
{
    public Task AlertCreatedAsync(Alert alert, Machine machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (db.DeferDerivedState)
        {
            return Task.CompletedTask; // a scenario step: its device is refreshed with the step's other changes
        }

        return machines.RefreshAsync([alert.MachineId], MachineFacets.Risk, cancellationToken);
    }
}
