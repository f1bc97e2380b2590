using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines.Related;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>Which derived fields of a machine a change can move (each field is recomputed when its inputs change).</summary>
[Flags]
internal enum MachineFacets
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>riskScore</c>, from the device's active alerts.</summary>
    Risk = 1,

    /// <summary><c>exposureLevel</c>, from the device's vulnerabilities.</summary>
    Exposure = 2,

    /// <summary><c>lastSeen</c>, <c>lastIpAddress</c> and <c>healthStatus</c>, from the device's rows in the hunting tables and the clock.</summary>
    Signals = 4,

    /// <summary>Every derived field.</summary>
    All = Risk | Exposure | Signals,
}

/// <summary>
/// The rules that tie a machine's derived fields to the rest of the tenant (docs/fidelity.md, "Machines follow their
/// world"), as pure functions so the seeder, the API paths and the scenarios apply the same ones.
/// </summary>
internal static class MachineDerivation
{
    /// <summary>A device that sent nothing for this long is <c>Inactive</c> (the portal's "stopped sending signals for more than 7 days").</summary>
    public static readonly TimeSpan InactiveAfter = TimeSpan.FromDays(7);

    /// <summary>The risk score of a device: the highest severity among its alerts that are not resolved; <c>None</c> without any.</summary>
    /// <param name="activeSeverities">The severities of the device's unresolved alerts.</param>
    /// <returns>The risk score.</returns>
    public static MachineRiskScore Risk(IEnumerable<AlertSeverity> activeSeverities)
    {
        ArgumentNullException.ThrowIfNull(activeSeverities);
        return activeSeverities.Select(s => s switch
        {
            AlertSeverity.High => MachineRiskScore.High,
            AlertSeverity.Medium => MachineRiskScore.Medium,
            AlertSeverity.Low => MachineRiskScore.Low,
            _ => MachineRiskScore.Informational,
        }).DefaultIfEmpty(MachineRiskScore.None).Max();
    }

    /// <summary>The exposure level of a device: its worst vulnerability (Critical counts as High); <c>None</c> without any.</summary>
    /// <param name="severities">The severities of the device's vulnerabilities.</param>
    /// <returns>The exposure level.</returns>
    public static ExposureLevel Exposure(IEnumerable<VulnerabilitySeverity> severities)
    {
        ArgumentNullException.ThrowIfNull(severities);
        return severities.Select(s => s switch
        {
            VulnerabilitySeverity.Critical or VulnerabilitySeverity.High => ExposureLevel.High,
            VulnerabilitySeverity.Medium => ExposureLevel.Medium,
            _ => ExposureLevel.Low,
        }).DefaultIfEmpty(ExposureLevel.None).Max();
    }

    /// <summary>
    /// The health status: <c>Inactive</c> once the device's last signal is seven days old; a device that reports again
    /// (its <c>lastSeen</c> moved) while onboarded is <c>Active</c> again; otherwise the sensor's state stays what it was.
    /// </summary>
    /// <param name="current">The stored status.</param>
    /// <param name="onboardingStatus">The onboarding status (an offboarded device stays inactive whatever it sends).</param>
    /// <param name="lastSeen">The device's last signal.</param>
    /// <param name="seenAgain">Whether this recomputation moved <paramref name="lastSeen"/>.</param>
    /// <param name="now">The clock's now.</param>
    /// <returns>The health status.</returns>
    public static MachineHealthStatus Health(MachineHealthStatus current, string onboardingStatus, DateTimeOffset lastSeen, bool seenAgain, DateTimeOffset now)
    {
        if (now - lastSeen >= InactiveAfter)
        {
            return MachineHealthStatus.Inactive;
        }

        return current == MachineHealthStatus.Inactive && seenAgain && string.Equals(onboardingStatus, "onboarded", StringComparison.OrdinalIgnoreCase)
            ? MachineHealthStatus.Active
            : current;
    }
}
