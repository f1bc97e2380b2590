using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Alerts;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;
using static DefenderApi.Emulator.Tests.Incidents.IncidentJson;

namespace DefenderApi.Emulator.Tests.Incidents;

public sealed class IncidentUpdateTests(DemoTenantFactory factory) : IClassFixture<DemoTenantFactory>
{
    private static int _next;

    // Each test takes its own open incident, so tests sharing the tenant do not meet.
    private async Task<(HttpClient Client, JsonElement Incident)> OpenIncidentAsync()
    {
        var client = await factory.CreateApiClientAsync();
        var open = await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=100&$filter=status eq 'Active'"));
        return (client, open[Interlocked.Increment(ref _next) * 3]);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string body) =>
        await client.PatchAsync($"/api/incidents/{id}", Json(body));

    private static long Id(JsonElement incident) => incident.GetProperty("incidentId").GetInt64();

    [Fact]
    public async Task Resolve_ResolvesEveryAlert_AndReopen_ReopensThem()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        var resolved = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"status":"Resolved"}"""));
        var reopened = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"status":"Active"}"""));

        Assert.Equal("Resolved", resolved.Text("status"));
        Assert.All(resolved.GetProperty("alerts").EnumerateArray(), a => Assert.Equal("Resolved", a.Text("status")));
        Assert.All(resolved.GetProperty("alerts").EnumerateArray(), a => Assert.NotNull(a.Text("resolvedTime")));
        Assert.Equal("Active", reopened.Text("status"));
        Assert.All(reopened.GetProperty("alerts").EnumerateArray(), a => Assert.NotEqual("Resolved", a.Text("status")));
        AssertConsistent(await AllIncidentsAsync(client), await AllAlertsAsync(client));
    }

    [Fact]
    public async Task Assign_GivesTheOwnerToEveryAlert_AndComment_IsAppendedWithAuthorAndTime()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        var updated = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"assignedTo":"secop2@contoso.com","comment":"pen testing"}"""));

        Assert.Equal("secop2@contoso.com", updated.Text("assignedTo"));
        Assert.All(updated.GetProperty("alerts").EnumerateArray(), a => Assert.Equal("secop2@contoso.com", a.Text("assignedTo")));
        var comment = updated.GetProperty("comments").EnumerateArray().Last();
        Assert.Equal(("pen testing", "defender-emulator"), (comment.Text("comment"), comment.Text("createdBy")));
        Assert.Equal(EmulatorFactory.StartTime, comment.GetProperty("createdTime").GetDateTimeOffset());
        Assert.Equal(EmulatorFactory.StartTime, updated.GetProperty("lastUpdateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task List_WritesAnUpdatedIncident_ExactlyAsGetById_WithItsTagsAndComments()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;
        await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"tags":["Yossi's playground","<é>"],"comment":"first \"quoted\""}"""));
        await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"assignedTo":"secop2@contoso.com","comment":"second"}"""));

        using var byId = await client.GetAsync($"/api/incidents/{Id(incident)}");
        var single = System.Text.Json.Nodes.JsonNode.Parse(await byId.Content.ReadAsStringAsync())!.AsObject();
        single.Remove("@odata.context");
        var listed = (await ODataJson.ValuesAsync(await client.GetAsync("/api/incidents?$top=100&$filter=status eq 'Active'")))
            .Single(i => Id(i) == Id(incident));

        Assert.Equal(2, listed.GetProperty("comments").GetArrayLength());
        Assert.Equal(single.ToJsonString(), System.Text.Json.Nodes.JsonNode.Parse(listed.GetRawText())!.ToJsonString());
    }

    [Fact]
    public async Task Tags_ReplaceTheList()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"tags":["a","b"]}"""));
        var updated = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """{"tags":["Yossi's playground","Don't mess with the Zohan"]}"""));

        Assert.Equal(["Yossi's playground", "Don't mess with the Zohan"], updated.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task TheDocumentedExampleBody_Returns200_AndClassifiesTheAlerts()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        var updated = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), """
            {"status":"Resolved","assignedTo":"secop2@contoso.com","classification":"TruePositive","determination":"Malware","tags":["Yossi's playground"],"comment":"pen testing"}
            """));

        Assert.Equal(("Resolved", "TruePositive", "Malware"), (updated.Text("status"), updated.Text("classification"), updated.Text("determination")));
        Assert.All(updated.GetProperty("alerts").EnumerateArray(), a => Assert.Equal(("TruePositive", "Malware"), (a.Text("classification"), a.Text("determination"))));
    }

    [Theory]
    [InlineData("TruePositive", "CompromisedAccount", "CompromisedUser")]
    [InlineData("FalsePositive", "NoEnoughDataToValidate", "InsufficientData")]
    [InlineData("InformationalExpectedActivity", "SecurityTesting", "SecurityTesting")]
    public async Task Determination_OfTheClassificationsList_IsAccepted_AndMappedOntoTheAlerts(string classification, string determination, string alertDetermination)
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        var updated = await ODataJson.OkAsync(await PatchAsync(client, Id(incident), $$"""{"classification":"{{classification}}","determination":"{{determination}}"}"""));

        Assert.Equal(determination, updated.Text("determination"));
        Assert.All(updated.GetProperty("alerts").EnumerateArray(), a => Assert.Equal(alertDetermination, a.Text("determination")));
    }

    [Theory]
    [InlineData("""{"status":"Closed"}""", "Invalid input 'Closed' for status; allowed values: Active, Resolved, InProgress, Redirected.")]
    [InlineData("""{"determination":"Malware"}""", "Invalid input 'Malware' for determination; the incident has no classification (set classification with the determination).")]
    [InlineData("""{"classification":"TruePositive","determination":"Clean"}""",
        "Invalid input 'Clean' for determination with classification TruePositive; allowed values: MultiStagedAttack, MaliciousUserActivity, CompromisedAccount, Malware, Phishing, UnwantedSoftware, Other.")]
    [InlineData("""{"classification":"Benign"}""", "Invalid input 'Benign' for classification; allowed values: TruePositive, InformationalExpectedActivity, FalsePositive.")]
    [InlineData("""{"tags":["ok",""]}""", "Invalid input '' in tags; a tag is a non-empty string.")]
    public async Task UndocumentedValue_Returns400_InvalidInput_NamingIt(string body, string message)
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, Id(incident), body), HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Theory]
    [InlineData("""{"Status":"Resolved"}""")]
    [InlineData("""{"AssignedTo":"x"}""")]
    [InlineData("""{"comments":"x"}""")]
    public async Task WrongCaseOrUnknownProperty_Returns400_InvalidRequestBody(string body)
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, Id(incident), body), HttpStatusCode.BadRequest, "InvalidRequestBody");
    }

    [Fact]
    public async Task UnknownIncident_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, 987654321, """{"comment":"x"}"""), HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task ResolvingTheLastOpenAlert_ResolvesTheIncident_AndItsSeverityStaysTheHighestOfAll()
    {
        var (client, incident) = await OpenIncidentAsync();
        using var _ = client;

        foreach (var alertId in AlertIds(incident))
        {
            using var patched = await client.PatchAsync($"/api/alerts/{alertId}", Json("""{"status":"Resolved"}"""));
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var after = await IncidentAsync(client, Id(incident));
        Assert.Equal("Resolved", after.Text("status"));
        AssertConsistent(await AllIncidentsAsync(client), await AllAlertsAsync(client));
    }

    [Fact]
    public async Task AlertCreatedByReference_JoinsAnIncident_ThatListsIt()
    {
        using var client = await factory.CreateApiClientAsync();
        var hunted = await HuntedEvent.ProcessEventAsync(client);

        var created = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("Joins an incident"))));

        var incidentId = created.GetProperty("incidentId").GetInt64();
        var incident = await IncidentAsync(client, incidentId);
        Assert.Contains(created.Text("id"), AlertIds(incident));
        Assert.Equal("Active", incident.Text("status"));
        AssertConsistent(await AllIncidentsAsync(client), await AllAlertsAsync(client));
    }
}
