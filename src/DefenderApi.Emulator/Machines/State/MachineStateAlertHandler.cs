using DefenderApi.Emulator.Alerts;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>An alert created by reference (the API or a scenario) moves its device's risk score.</summary>
internal sealed class MachineStateAlertHandler(MachineStateService machines) : IAlertCreatedHandler
{
    public Task AlertCreatedAsync(Alert alert, Machine machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return machines.RefreshAsync([alert.MachineId], MachineFacets.Risk, cancellationToken);
    }
}
