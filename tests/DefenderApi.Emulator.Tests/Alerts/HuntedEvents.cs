using System.Text.Json;
using DefenderApi.Emulator.Tests.Hunting;

namespace DefenderApi.Emulator.Tests.Alerts;

/// <summary>An event found through advanced hunting, as <see href="https://learn.microsoft.com/defender-endpoint/api/create-alert-by-reference">Create alert from event API</see> says callers find them.</summary>
/// <param name="MachineId">The event's DeviceId.</param>
/// <param name="ReportId">Its ReportId.</param>
/// <param name="EventTime">Its Timestamp as the service writes it (7 fractional digits).</param>
/// <param name="Sha1">The SHA1 of its process.</param>
internal sealed record HuntedEvent(string MachineId, long ReportId, string EventTime, string Sha1)
{
    /// <summary>The first process event (by ReportId) on a demo device of <paramref name="platform"/>.</summary>
    public static async Task<HuntedEvent> ProcessEventAsync(HttpClient client, string platform = "Windows11")
    {
        var rows = await HuntingQueries.ResultsAsync(client, $"""
            DeviceInfo | where OSPlatform == "{platform}" | distinct DeviceId
            | join kind=inner (DeviceProcessEvents | where isnotempty(SHA1)) on DeviceId
            | project DeviceId, ReportId, Timestamp, SHA1 | order by ReportId asc | take 1
            """);
        var row = Assert.Single(rows);
        return new HuntedEvent(Text(row, "DeviceId"), row.GetProperty("ReportId").GetInt64(), Text(row, "Timestamp"), Text(row, "SHA1"));
    }

    /// <summary>A CreateAlertByReference body about this event.</summary>
    public string Body(string title, string severity = "High", string category = "Execution", string? machineId = null, string? eventTime = null, long? reportId = null) =>
        $$"""{"eventTime":"{{eventTime ?? EventTime}}","reportId":"{{reportId ?? ReportId}}","machineId":"{{machineId ?? MachineId}}","severity":"{{severity}}","title":"{{title}}","description":"d","recommendedAction":"isolate","category":"{{category}}"}""";

    private static string Text(JsonElement row, string column) => row.GetProperty(column).GetString()!;
}
