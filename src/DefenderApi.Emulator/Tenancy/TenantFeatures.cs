namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// The tenant features an API call can depend on (403 <c>DisabledFeature</c> when off), toggled through
/// <c>PUT /_emulator/tenants/{tenantId}/features</c>. Names are the JSON names used there.
/// </summary>
internal static class TenantFeatures
{
    /// <summary>Live response (Plan 2, and enabled in advanced settings).</summary>
    public const string LiveResponse = "liveResponse";

    /// <summary>Live response for unsigned scripts.</summary>
    public const string LiveResponseUnsignedScripts = "liveResponseUnsignedScripts";

    /// <summary>Custom network indicators and file/certificate indicators.</summary>
    public const string CustomIndicators = "customIndicators";

    /// <summary>Automated investigation and response.</summary>
    public const string AutomatedInvestigation = "automatedInvestigation";

    /// <summary>Advanced hunting (absent in Defender for Business).</summary>
    public const string AdvancedHunting = "advancedHunting";

    /// <summary>Defender Vulnerability Management endpoints.</summary>
    public const string VulnerabilityManagement = "vulnerabilityManagement";

    /// <summary>Device antivirus health reports.</summary>
    public const string DeviceHealthReporting = "deviceHealthReporting";

    /// <summary>Every feature with its default (all on, except unsigned live response scripts, off by default in MDE).</summary>
    public static IReadOnlyDictionary<string, bool> Defaults { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        [LiveResponse] = true,
        [LiveResponseUnsignedScripts] = false,
        [CustomIndicators] = true,
        [AutomatedInvestigation] = true,
        [AdvancedHunting] = true,
        [VulnerabilityManagement] = true,
        [DeviceHealthReporting] = true,
    };
}
