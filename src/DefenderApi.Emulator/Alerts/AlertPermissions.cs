namespace DefenderApi.Emulator.Alerts;

/// <summary>The alert permissions the pages list.</summary>
internal static class AlertPermissions
{
    public static readonly string[] ReadApp = ["Alert.Read.All", "Alert.ReadWrite.All"];
    public static readonly string[] ReadDelegated = ["Alert.Read", "Alert.ReadWrite"];
    public static readonly string[] WriteApp = ["Alert.ReadWrite.All"];
    public static readonly string[] WriteDelegated = ["Alert.ReadWrite"];

    // <see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see> writes "Alerts.ReadWrite.All" (sic); both spellings are honoured.
    public static readonly string[] UpdateApp = ["Alert.ReadWrite.All", "Alerts.ReadWrite.All"];
}
