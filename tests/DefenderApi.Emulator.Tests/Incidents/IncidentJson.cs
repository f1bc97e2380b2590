using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Incidents;

/// <summary>Reads incidents and alerts through the API for the incident tests.</summary>
internal static class IncidentJson
{
    /// <summary>Every incident, following <c>@odata.nextLink</c>.</summary>
    public static async Task<List<JsonElement>> AllIncidentsAsync(HttpClient client)
    {
        var incidents = new List<JsonElement>();
        for (string? url = "/api/incidents"; url is not null;)
        {
            var page = await ODataJson.OkAsync(await client.GetAsync(url));
            incidents.AddRange(page.GetProperty("value").EnumerateArray());
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        return incidents;
    }

    /// <summary>Every alert of the tenant.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AllAlertsAsync(HttpClient client) =>
        await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts"));

    /// <summary>One incident by id.</summary>
    public static async Task<JsonElement> IncidentAsync(HttpClient client, long id) =>
        await ODataJson.OkAsync(await client.GetAsync($"/api/incidents/{id}"));

    /// <summary>The ids of an incident's alerts.</summary>
    public static IEnumerable<string> AlertIds(JsonElement incident) =>
        incident.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()!);

    /// <summary>A string property.</summary>
    public static string? Text(this JsonElement element, string name) => element.GetProperty(name).GetString();

    /// <summary>
    /// Checks the invariants tying incidents to alerts: every alert's incident exists and lists it; every incident lists
    /// exactly the alerts that point at it; severity, times and status follow from the alerts.
    /// </summary>
    public static void AssertConsistent(IReadOnlyList<JsonElement> incidents, IReadOnlyList<JsonElement> alerts)
    {
        var byIncident = alerts.ToLookup(a => a.GetProperty("incidentId").GetInt64());
        var ids = incidents.Select(i => i.GetProperty("incidentId").GetInt64()).ToHashSet();
        Assert.All(alerts, a => Assert.Contains(a.GetProperty("incidentId").GetInt64(), ids));
        foreach (var incident in incidents)
        {
            var id = incident.GetProperty("incidentId").GetInt64();
            var members = byIncident[id].ToList();
            Assert.Equal(members.Select(a => a.Text("id")).Order(), AlertIds(incident).Order());
            var open = members.Where(a => a.Text("status") != "Resolved").ToList();
            var severity = (open.Count > 0 ? open : members).Max(a => Severities.IndexOf(a.Text("severity")!));
            Assert.Equal(Severities[severity], incident.Text("severity"));
            Assert.Equal(members.Min(a => a.GetProperty("alertCreationTime").GetDateTimeOffset()), incident.GetProperty("createdTime").GetDateTimeOffset());
            Assert.True(incident.GetProperty("lastUpdateTime").GetDateTimeOffset() >= members.Max(a => a.GetProperty("lastUpdateTime").GetDateTimeOffset()));
            var status = incident.Text("status");
            if (status != "Redirected")
            {
                Assert.Equal(open.Count == 0, status == "Resolved");
            }
        }
    }

    private static readonly List<string?> Severities = ["UnSpecified", "Informational", "Low", "Medium", "High"];
}
