using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Incidents.IncidentJson;

namespace DefenderApi.Emulator.Tests.Incidents;

public sealed class IncidentReadTests(DemoTenantFactory factory) : IClassFixture<DemoTenantFactory>
{
    [Fact]
    public async Task DemoTenant_EveryAlertsIncidentResolves_AndEachIncidentListsExactlyItsAlerts()
    {
        using var client = await factory.CreateApiClientAsync();

        var incidents = await AllIncidentsAsync(client);
        var alerts = await AllAlertsAsync(client);

        Assert.NotEmpty(alerts);
        AssertConsistent(incidents, alerts);
        Assert.Contains(incidents, i => i.GetProperty("alerts").GetArrayLength() > 1);
    }

    [Fact]
    public async Task List_IsMostRecentFirst_PagesOf100_WithNextLink()
    {
        using var client = await factory.CreateApiClientAsync();

        var page = await ODataJson.OkAsync(await client.GetAsync("/api/incidents"));
        var all = await AllIncidentsAsync(client);

        var values = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(100, values.Count);
        Assert.Equal("http://localhost/api/$metadata#Incidents", page.Text("@odata.context"));
        Assert.Equal("http://localhost/api/incidents?$skip=100", page.Text("@odata.nextLink"));
        var created = all.Select(i => i.GetProperty("createdTime").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("incidentId").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task List_TopAndSkip_ReturnThatSlice()
    {
        using var client = await factory.CreateApiClientAsync();

        var all = await AllIncidentsAsync(client);
        var slice = await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=3&$skip=2"));

        Assert.Equal(all.Skip(2).Take(3).Select(i => i.GetProperty("incidentId").GetInt64()), slice.Select(i => i.GetProperty("incidentId").GetInt64()));
    }

    [Theory]
    [InlineData("status eq 'Resolved'")]
    [InlineData("assignedTo eq null")]
    [InlineData("createdTime ge 2026-10-25T00:00:00Z")]
    [InlineData("lastUpdateTime lt 2026-10-30T00:00:00Z and status ne 'Active'")]
    public async Task List_FilterOnADocumentedProperty_ReturnsExactlyTheMatchingIncidents(string filter)
    {
        using var client = await factory.CreateApiClientAsync();

        var all = await AllIncidentsAsync(client);
        var filtered = await ODataJson.ValuesAsync(await client.GetAsync($"/api/incidents?$top=100&$filter={filter}"));

        Func<System.Text.Json.JsonElement, bool> expected = filter switch
        {
            "status eq 'Resolved'" => i => i.Text("status") == "Resolved",
            "assignedTo eq null" => i => i.Text("assignedTo") is null,
            "createdTime ge 2026-10-25T00:00:00Z" => i => i.GetProperty("createdTime").GetDateTimeOffset() >= new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero),
            _ => i => i.GetProperty("lastUpdateTime").GetDateTimeOffset() < new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero) && i.Text("status") != "Active",
        };
        Assert.NotEmpty(filtered);
        Assert.Equal(all.Where(expected).Take(100).Select(i => i.GetProperty("incidentId").GetInt64()), filtered.Select(i => i.GetProperty("incidentId").GetInt64()));
    }

    [Theory]
    [InlineData("$filter=severity eq 'High'", "severity")]
    [InlineData("$filter=incidentName eq 'x'", "incidentName")]
    [InlineData("$top=101", "101")]
    [InlineData("$orderby=createdTime", "createdTime")]
    public async Task List_UndocumentedQuery_Returns400_ODataError_NamingIt(string query, string named)
    {
        using var client = await factory.CreateApiClientAsync();

        var error = await ErrorAssert.IsErrorAsync(await client.GetAsync($"/api/incidents?{query}"), HttpStatusCode.BadRequest, "ODataError");

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ById_ReturnsTheIncident_WithAlertsDevicesAndEntitiesInTheDocumentedShape()
    {
        using var client = await factory.CreateApiClientAsync();
        var first = (await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=1")))[0];

        var incident = await IncidentAsync(client, first.GetProperty("incidentId").GetInt64());

        Assert.Equal(
            ["@odata.context", "incidentId", "redirectIncidentId", "incidentName", "createdTime", "lastUpdateTime", "assignedTo", "classification", "determination",
             "detectionSource", "status", "severity", "tags", "comments", "alerts"],
            incident.EnumerateObject().Select(p => p.Name));
        var alert = incident.GetProperty("alerts")[0];
        Assert.Equal(
            ["alertId", "incidentId", "serviceSource", "creationTime", "lastUpdatedTime", "resolvedTime", "firstActivity", "lastActivity", "title", "description",
             "category", "status", "severity", "investigationId", "investigationState", "classification", "determination", "detectionSource", "assignedTo",
             "actorName", "threatFamilyName", "mitreTechniques", "devices", "entities"],
            alert.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["mdatpDeviceId", "aadDeviceId", "deviceDnsName", "osPlatform", "version", "osProcessor", "osBuild", "healthStatus", "riskScore", "rbacGroupName",
             "rbacGroupId", "firstSeen"],
            alert.GetProperty("devices")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(31, alert.GetProperty("entities")[0].EnumerateObject().Count());
        Assert.Equal("MicrosoftDefenderATP", alert.Text("serviceSource"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(first.GetRawText()), Without(incident, "@odata.context")));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/incidents/987654321"), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Get_NonNumericId_Returns400_InvalidInput_NamingIt()
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/incidents/abc"), HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input 'abc' for incident id; incident ids are numbers.");
    }

    [Fact]
    public async Task VersionedPrefix_ServesTheSameIncidents()
    {
        using var client = await factory.CreateApiClientAsync();

        var plain = await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=2"));
        var versioned = await ODataJson.ValuesAsync(await client.GetAsync("/api/v1.0/incidents?$top=2"));

        Assert.Equal(plain.Select(i => i.GetRawText()), versioned.Select(i => i.GetRawText()));
    }

    [Fact]
    public async Task App_WithoutIncidentPermission_Returns403_Forbidden()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Alert.ReadWrite.All");

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/incidents"), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task App_WithIncidentReadAll_CanRead_ButNotUpdate()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Incident.Read.All");
        var first = (await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=1")))[0];

        using var update = await client.PatchAsync($"/api/incidents/{first.GetProperty("incidentId").GetInt64()}", Alerts.DemoAlerts.Json("""{"comment":"x"}"""));

        await ErrorAssert.IsErrorAsync(update, HttpStatusCode.Forbidden, "Forbidden");
    }

    private static System.Text.Json.Nodes.JsonObject Without(System.Text.Json.JsonElement element, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!.AsObject();
        node.Remove(property);
        return node;
    }
}
