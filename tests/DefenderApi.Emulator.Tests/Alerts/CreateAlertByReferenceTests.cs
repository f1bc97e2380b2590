using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Alerts;

public sealed class CreateAlertByReferenceTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public CreateAlertByReferenceTests(DemoTenantFactory factory) => _factory = factory;

    private static string Body(string machineId, string title = "Custom detection", string severity = "High", string category = "Execution") =>
        $$"""{"eventTime":"2026-11-01T16:45:21.7115183Z","reportId":"20776","machineId":"{{machineId}}","severity":"{{severity}}","title":"{{title}}","description":"d","recommendedAction":"isolate","category":"{{category}}"}""";

    private async Task<(HttpClient Client, HuntedEvent Event)> EventAsync()
    {
        var client = await _factory.CreateApiClientWithRolesAsync("Alert.ReadWrite.All", "AdvancedQuery.Read.All", "Machine.Read.All");
        return (client, await HuntedEvent.ProcessEventAsync(client));
    }

    [Fact]
    public async Task Create_ForAHuntedEvent_Returns200_WithTheNewAlert_AndTheSameTitleMergesIntoIt()
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;

        var created = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Merge me"))));
        var again = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Merge me"))));

        Assert.Equal(hunted.MachineId, created.GetProperty("machineId").GetString());
        Assert.Equal("High", created.GetProperty("severity").GetString());
        Assert.Equal("New", created.GetProperty("status").GetString());
        Assert.Equal("Execution", created.GetProperty("category").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_ForAHuntedEvent_TakesItsEvidence_AndHuntingSeesTheAlert()
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;

        var created = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Evidence from the event"))));
        var id = created.GetProperty("id").GetString()!;
        var alert = (await ODataJson.ValuesAsync(await client.GetAsync($"/api/alerts?$expand=evidence&$filter=id eq '{id}'"))).Single();
        var info = await Hunting.HuntingQueries.ResultsAsync(client, $"AlertInfo | where AlertId == '{id}' | project Title, Severity, Category, DetectionSource");
        var evidence = await Hunting.HuntingQueries.ResultsAsync(client, $"AlertEvidence | where AlertId == '{id}' and EntityType == 'File' | project SHA1, DeviceId");

        var files = alert.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("entityType").GetString() == "File").ToList();
        Assert.Equal(hunted.Sha1, Assert.Single(files).GetProperty("sha1").GetString());
        Assert.Contains(alert.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "Process");
        Assert.Equal("""{"Title":"Evidence from the event","Severity":"High","Category":"Execution","DetectionSource":"Custom detection"}""", Assert.Single(info).GetRawText());
        Assert.Equal($$"""{"SHA1":"{{hunted.Sha1}}","DeviceId":"{{hunted.MachineId}}"}""", Assert.Single(evidence).GetRawText());
    }

    [Fact]
    public async Task Create_WithAReportIdNoEventHas_Returns404_ResourceNotFound_NamingTheEvent()
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("No such report", reportId: 987654321)));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound",
            $"Event with reportId 987654321 at {hunted.EventTime} on machine {hunted.MachineId} was not found");
    }

    [Fact]
    public async Task Create_AtAnotherTimeThanTheEvents_Returns404_ResourceNotFound()
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;
        var otherTime = DateTimeOffset.Parse(hunted.EventTime, System.Globalization.CultureInfo.InvariantCulture).AddTicks(1).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Wrong time", eventTime: otherTime)));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound",
            $"Event with reportId {hunted.ReportId} at {otherTime} on machine {hunted.MachineId} was not found");
    }

    [Fact]
    public async Task Create_WithTheEventOfAnotherMachine_Returns404_ResourceNotFound()
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;
        var other = (await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines?$top=1&$filter=id ne '{hunted.MachineId}'")))[0].GetProperty("id").GetString()!;

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Other machine", machineId: other)));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound",
            $"Event with reportId {hunted.ReportId} at {hunted.EventTime} on machine {other} was not found");
    }

    [Theory]
    [InlineData("eventTime")]
    [InlineData("reportId")]
    [InlineData("machineId")]
    [InlineData("severity")]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("recommendedAction")]
    [InlineData("category")]
    public async Task Create_WithoutARequiredField_Returns400_MissingRequiredParameter(string field)
    {
        using var client = await _factory.CreateApiClientAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(Body("m"))!.AsObject();
        body.Remove(field);

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(body.ToJsonString()));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", $"Parameter {field} is missing.");
    }

    [Theory]
    [InlineData("Informational", "Execution", "Invalid input 'Informational' for severity; allowed values: Low, Medium, High.")]
    [InlineData("Low", "Hacking", "Invalid input 'Hacking' for category; allowed values: General, CommandAndControl, Collection, CredentialAccess, DefenseEvasion, Discovery, Exfiltration, Exploit, Execution, InitialAccess, LateralMovement, Malware, Persistence, PrivilegeEscalation, Ransomware, SuspiciousActivity.")]
    public async Task Create_UndocumentedSeverityOrCategory_Returns400_InvalidInput(string severity, string category, string message)
    {
        var (client, hunted) = await EventAsync();
        using var _ = client;

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Bad value", severity: severity, category: category)));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task Create_OnAnUnknownMachine_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(Body("0000000000000000000000000000000000000000")));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Machine 0000000000000000000000000000000000000000 was not found");
    }
}
