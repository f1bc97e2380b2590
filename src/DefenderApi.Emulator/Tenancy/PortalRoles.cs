namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// The Microsoft Defender for Endpoint portal (RBAC) permissions the API pages name for delegated callers. A user
/// token needs the delegated scope <em>and</em> the portal role the method page lists.
/// </summary>
internal static class PortalRoles
{
    /// <summary>'View Data': reading machines, alerts, actions and the rest.</summary>
    public const string ViewData = "View Data";

    /// <summary>'Alerts investigation': updating alerts and machines, collecting investigation packages.</summary>
    public const string AlertsInvestigation = "Alerts investigation";

    /// <summary>'Active remediation actions': isolation, scans, restrictions, live response, investigations.</summary>
    public const string ActiveRemediationActions = "Active remediation actions";

    /// <summary>'Manage security setting': tags, device value, indicators.</summary>
    public const string ManageSecuritySetting = "Manage security setting";

    /// <summary>Every portal role; emulator users get all of them unless their registration says otherwise.</summary>
    public static IReadOnlyList<string> All { get; } = [ViewData, AlertsInvestigation, ActiveRemediationActions, ManageSecuritySetting];

    /// <summary>Finds the canonical spelling of a role name (matched case-insensitively).</summary>
    /// <param name="name">A role name as given.</param>
    /// <returns>The canonical name, or <see langword="null"/> when unknown.</returns>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
