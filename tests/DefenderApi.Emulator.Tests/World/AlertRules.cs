using System.Text.Json;
using DefenderApi.Emulator.Tests.Hunting;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.World;

/// <summary>
/// Alerts and the hunting tables agree: every alert inside hunting's 30-day window has exactly one AlertInfo row with
/// its title, severity, category and detection source, AlertInfo holds no other alert, and the file evidence of an
/// alert points at an event with that SHA-1 on the alert's device.
/// </summary>
internal static class AlertRules
{
    private const string HashTables = "DeviceProcessEvents, DeviceFileEvents, DeviceEvents, DeviceImageLoadEvents";

    public static async Task AssertMirroredAsync(HttpClient client, DateTimeOffset now, string context)
    {
        var window = now.AddDays(-29);
        var alerts = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$expand=evidence")))
            .Where(a => a.GetProperty("alertCreationTime").GetDateTimeOffset() > window).ToList();
        var info = (await HuntingQueries.ResultsAsync(client, "AlertInfo | project AlertId, Title, Severity, Category, DetectionSource, Timestamp"))
            .Where(r => r.GetProperty("Timestamp").GetDateTimeOffset() > window).ToList();
        var known = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts"))).Select(a => a.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        var hashes = (await HuntingQueries.ResultsAsync(client, $"union {HashTables} | where isnotempty(SHA1) | distinct DeviceId, SHA1"))
            .Select(r => (r.GetProperty("DeviceId").GetString(), r.GetProperty("SHA1").GetString()?.ToLowerInvariant())).ToHashSet();

        Assert.All(info, row => Assert.True(known.Contains(row.GetProperty("AlertId").GetString()), $"{context}: AlertInfo row of unknown alert {row.GetProperty("AlertId")}"));
        foreach (var alert in alerts)
        {
            var id = alert.GetProperty("id").GetString();
            var rows = info.Where(r => r.GetProperty("AlertId").GetString() == id).ToList();
            Assert.True(rows.Count == 1, $"{context}: alert {id} has {rows.Count} AlertInfo rows");
            var row = rows[0];
            Assert.Equal(Text(alert, "title"), Text(row, "Title"));
            Assert.Equal(Text(alert, "severity"), Text(row, "Severity"));
            Assert.Equal(Text(alert, "category"), Text(row, "Category"));
            Assert.Equal(HuntingSource(Text(alert, "detectionSource")), Text(row, "DetectionSource"));
            var device = Text(alert, "machineId");
            foreach (var evidence in alert.GetProperty("evidence").EnumerateArray().Where(e => Text(e, "entityType") == "File" && Text(e, "sha1") is not null))
            {
                Assert.True(hashes.Contains((device, Text(evidence, "sha1")!.ToLowerInvariant())),
                    $"{context}: alert {id}'s file evidence {Text(evidence, "sha1")} is in no event of device {device}");
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? HuntingSource(string? api) => api switch
    {
        "WindowsDefenderAtp" => "EDR",
        "WindowsDefenderAv" => "Antivirus",
        "CustomDetection" => "Custom detection",
        "CustomerTI" => "Custom TI",
        "AutomatedInvestigation" => "Automated investigation",
        _ => api,
    };
}
