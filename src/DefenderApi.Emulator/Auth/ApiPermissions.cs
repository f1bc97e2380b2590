namespace DefenderApi.Emulator.Auth;

/// <summary>The application and delegated permission names the MDE API pages list.</summary>
internal static class ApiPermissions
{
    /// <summary>Every application permission the API knows; the default app holds all of them.</summary>
    public static IReadOnlyList<string> AllApplication { get; } =
    [
        "AdvancedQuery.Read.All", "Alert.Read.All", "Alert.ReadWrite.All", "File.Read.All", "Ip.Read.All",
        "Library.Manage", "Machine.CollectForensics", "Machine.Isolate", "Machine.LiveResponse", "Machine.Offboard",
        "Machine.Read.All", "Machine.ReadWrite.All", "Machine.RestrictExecution", "Machine.Scan",
        "Machine.StopAndQuarantine", "Score.Read.All", "SecurityRecommendation.Read.All", "Software.Read.All",
        "Ti.Read.All", "Ti.ReadWrite", "Ti.ReadWrite.All", "URL.Read.All", "User.Read.All", "Vulnerability.Read.All",
        "RemediationTasks.Read.All", "AdvancedHunting.Read.All", "Incident.Read.All", "Incident.ReadWrite.All",
    ];

    /// <summary>Every delegated permission the API pages list; apps are consented for all of them by default.</summary>
    public static IReadOnlyList<string> AllDelegated { get; } =
    [
        "AdvancedQuery.Read", "Alert.Read", "Alert.ReadWrite", "File.Read.All", "Ip.Read.All", "Library.Manage",
        "Machine.CollectForensics", "Machine.Isolate", "Machine.LiveResponse", "Machine.Offboard", "Machine.Read",
        "Machine.ReadWrite", "Machine.RestrictExecution", "Machine.Scan", "Machine.StopAndQuarantine", "Score.Read",
        "SecurityRecommendation.Read", "Software.Read", "Ti.ReadWrite", "URL.Read.All", "User.Read.All",
        "Vulnerability.Read", "AdvancedHunting.Read", "Incident.Read", "Incident.ReadWrite",
    ];
}
