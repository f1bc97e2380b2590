using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Alerts;

public sealed class AlertWriteTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public AlertWriteTests(DemoTenantFactory factory) => _factory = factory;

    private async Task<(HttpClient Client, string Id)> AlertAsync(int index)
    {
        var client = await _factory.CreateApiClientAsync();
        var alerts = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$top=40"));
        return (client, alerts[index].GetProperty("id").GetString()!);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string body) =>
        await client.PatchAsync($"/api/alerts/{id}", Json(body));

    [Fact]
    public async Task Update_WithTheTablesCase_Returns200_WithTheChanges()
    {
        // An alert that is not resolved yet (the demo set has resolved ones; resolving again keeps their resolvedTime),
        // past the indices the other tests change.
        using var client = await _factory.CreateApiClientAsync();
        var id = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$top=40")))
            .Skip(10).First(a => a.GetProperty("status").GetString() != "Resolved").GetProperty("id").GetString()!;

        var alert = await ODataJson.OkAsync(await PatchAsync(client, id,
            """{"Status":"Resolved","assignedTo":"secop2@contoso.com","Classification":"FalsePositive","Determination":"Clean","Comment":"checked"}"""));

        Assert.Equal("Resolved", alert.GetProperty("status").GetString());
        Assert.Equal("secop2@contoso.com", alert.GetProperty("assignedTo").GetString());
        Assert.Equal("FalsePositive", alert.GetProperty("classification").GetString());
        Assert.Equal("Clean", alert.GetProperty("determination").GetString());
        Assert.Equal(EmulatorFactory.StartTime, alert.GetProperty("resolvedTime").GetDateTimeOffset());
        Assert.Equal("checked", alert.GetProperty("comments").EnumerateArray().Last().GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Update_WithTheExamplesLowerCase_Returns200()
    {
        var (client, id) = await AlertAsync(1);
        using var _ = client;

        var alert = await ODataJson.OkAsync(await PatchAsync(client, id,
            """{"status":"InProgress","classification":"Informational, expected activity","determination":"SecurityTesting","comment":"pen test"}"""));

        Assert.Equal("InProgress", alert.GetProperty("status").GetString());
        Assert.Equal("InformationalExpectedActivity", alert.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task Update_EnumValuesInAnotherCase_AreAccepted_AndWrittenInTheDocumentedCase()
    {
        var (client, id) = await AlertAsync(5);
        using var _ = client;

        var alert = await ODataJson.OkAsync(await PatchAsync(client, id, """{"Status":"inprogress","Classification":"truepositive","Determination":"malware"}"""));

        Assert.Equal(("InProgress", "TruePositive", "Malware"),
            (alert.GetProperty("status").GetString(), alert.GetProperty("classification").GetString(), alert.GetProperty("determination").GetString()));
    }

    [Theory]
    [InlineData("""{"Status":"Closed"}""", "Invalid input 'Closed' for status; allowed values: New, InProgress, Resolved.")]
    [InlineData("""{"Status":"Unknown"}""", "Invalid input 'Unknown' for status; allowed values: New, InProgress, Resolved.")]
    [InlineData("""{"Classification":"Benign"}""", "Invalid input 'Benign' for classification; allowed values: TruePositive, InformationalExpectedActivity, FalsePositive.")]
    [InlineData("""{"Determination":"Apt"}""", "Invalid input 'Apt' for determination; this value was deprecated in August 2022.")]
    [InlineData("""{"Classification":"TruePositive","Determination":"Clean"}""",
        "Invalid input 'Clean' for determination with classification TruePositive; allowed values: MultiStagedAttack, MaliciousUserActivity, CompromisedUser, Malware, Phishing, UnwantedSoftware, Other.")]
    public async Task Update_UndocumentedValue_Returns400_InvalidInput(string body, string message)
    {
        var (client, id) = await AlertAsync(2);
        using var _ = client;

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, id, body), HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task Update_SameFieldInBothCases_Returns400_InvalidRequestBody()
    {
        var (client, id) = await AlertAsync(2);
        using var _ = client;

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, id, """{"Status":"New","status":"New"}"""), HttpStatusCode.BadRequest, "InvalidRequestBody",
            "Request body is incorrect: parameter 'Status' was given twice ('Status' and 'status')");
    }

    [Fact]
    public async Task Update_UnknownAlert_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await PatchAsync(client, "nope", """{"Status":"New"}"""), HttpStatusCode.NotFound, "ResourceNotFound", "Alert nope was not found");
    }

    [Fact]
    public async Task BatchUpdate_HundredsOfIds_Returns200_WithEmptyBody_AndUpdatesEach()
    {
        using var client = await _factory.CreateApiClientAsync();
        var ids = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$skip=40"))).Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 80);

        using var response = await client.PostAsync("/api/alerts/batchUpdate", Json(JsonSerializer.Serialize(new { alertIds = ids, assignedTo = "batch@contoso.com" })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var updated = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$filter=assignedTo eq 'batch@contoso.com'"));
        Assert.Equal(ids.Count, updated.Count);
    }

    [Fact]
    public async Task BatchUpdate_ExactlyTheCapOf1000Ids_Returns200_And1001_Returns400_MaximumBatchSizeExceeded()
    {
        var (client, id) = await AlertAsync(3);
        using var _ = client;

        using var atCap = await client.PostAsync("/api/alerts/batchUpdate", Json(JsonSerializer.Serialize(new { alertIds = Enumerable.Repeat(id, 1000), status = "InProgress" })));
        using var over = await client.PostAsync("/api/alerts/batchUpdate", Json(JsonSerializer.Serialize(new { alertIds = Enumerable.Repeat(id, 1001), status = "InProgress" })));

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        await ErrorAssert.IsErrorAsync(over, HttpStatusCode.BadRequest, "MaximumBatchSizeExceeded", "Maximum batch size exceeded. Received: 1001, allowed: 1000.");
    }

    [Theory]
    [InlineData("""{"status":"New"}""", "MissingRequiredParameter", "Parameter alertIds is missing.")]
    [InlineData("""{"alertIds":["x"],"status":"Done"}""", "InvalidInput", "Invalid input 'Done' for status; allowed values: New, InProgress, Resolved.")]
    [InlineData("""{"AlertIds":["x"]}""", "InvalidRequestBody", null)]
    public async Task BatchUpdate_BadBody_Returns400(string body, string code, string? message)
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.PostAsync("/api/alerts/batchUpdate", Json(body)), HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task BatchUpdate_UnknownId_Returns404_AndChangesNothing()
    {
        var (client, id) = await AlertAsync(4);
        using var _ = client;

        using var response = await client.PostAsync("/api/alerts/batchUpdate", Json(JsonSerializer.Serialize(new { alertIds = new[] { id, "nope" }, assignedTo = "never@contoso.com" })));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Alert nope was not found");
        Assert.Empty(await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$filter=assignedTo eq 'never@contoso.com'")));
    }

    [Theory]
    [InlineData("PATCH", "/api/alerts/x", "Alert.Read.All")]
    [InlineData("POST", "/api/alerts/batchUpdate", "Alert.Read.All")]
    [InlineData("POST", "/api/alerts/CreateAlertByReference", "Alert.Read.All")]
    public async Task Write_WithoutAlertReadWrite_Returns403_Forbidden(string method, string path, string role)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync(role);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Update_WithTheMisspeltAlertsReadWriteAll_IsAllowed()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Alerts.ReadWrite.All");
        using var response = await PatchAsync(client, "nope", """{"Status":"New"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
