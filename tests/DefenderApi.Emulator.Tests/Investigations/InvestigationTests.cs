using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Alerts;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Investigations;

public sealed class InvestigationTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public InvestigationTests(DemoTenantFactory factory) => _factory = factory;

    private static async Task<string> MachineIdAsync(HttpClient client, string filter) =>
        (await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines?$top=1&$filter={filter}")))[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task List_ReturnsDemoInvestigations_LinkedToTheirAlerts()
    {
        using var client = await _factory.CreateApiClientAsync();
        var investigations = await ODataJson.ValuesAsync(await client.GetAsync("/api/investigations"));

        Assert.NotEmpty(investigations);
        var first = investigations[0];
        var alert = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{first.GetProperty("triggeringAlertId").GetString()}"));
        Assert.Equal(first.GetProperty("id").GetString(), alert.GetProperty("investigationId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first.GetProperty("state").GetString(), alert.GetProperty("investigationState").GetString());
    }

    [Fact]
    public async Task Get_ByIdOrByTriggeringAlertId_ReturnsTheSameInvestigation()
    {
        using var client = await _factory.CreateApiClientAsync();
        var first = (await ODataJson.ValuesAsync(await client.GetAsync("/api/investigations?$top=1")))[0];

        var byId = await ODataJson.OkAsync(await client.GetAsync($"/api/investigations/{first.GetProperty("id").GetString()}"));
        var byAlert = await ODataJson.OkAsync(await client.GetAsync($"/api/investigations/{first.GetProperty("triggeringAlertId").GetString()}"));

        Assert.Equal(byId.GetProperty("id").GetString(), byAlert.GetProperty("id").GetString());
        Assert.EndsWith("#Investigations/$entity", byId.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Unknown_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/investigations/1"), HttpStatusCode.NotFound, "ResourceNotFound", "Investigation 1 was not found");
    }

    [Theory]
    [InlineData("$filter=state eq 'Running'", HttpStatusCode.OK)]
    [InlineData("$top=10000", HttpStatusCode.OK)]
    [InlineData("$top=10001", HttpStatusCode.BadRequest)]
    [InlineData("$filter=cancelledBy eq 'x'", HttpStatusCode.BadRequest)]
    public async Task List_ODataOptions_AsDocumented(string query, HttpStatusCode status)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync($"/api/investigations?{query}");

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Start_OnWindows11_Returns201_Running()
    {
        using var client = await _factory.CreateApiClientAsync();
        var machineId = await MachineIdAsync(client, "osPlatform eq 'Windows11'");

        using var response = await client.PostAsync($"/api/machines/{machineId}/startInvestigation", Json("""{"Comment":"Test investigation"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Running", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(machineId, json.RootElement.GetProperty("machineId").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("triggeringAlertId").ValueKind);
    }

    [Theory]
    [InlineData("Linux")]
    [InlineData("macOS")]
    [InlineData("WindowsServer2016")]
    public async Task Start_OnAnOsOutsideTheAirList_Returns400_OsPlatformNotSupported(string platform)
    {
        using var client = await _factory.CreateApiClientAsync();
        var machineId = await MachineIdAsync(client, $"osPlatform eq '{platform}'");

        using var response = await client.PostAsync($"/api/machines/{machineId}/startInvestigation", Json("""{"Comment":"c"}"""));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "OsPlatformNotSupported", $"OS Platform {platform} isn't supported for this action.");
    }

    [Fact]
    public async Task Start_OnWindows10Before1709_Returns400_ClientVersionNotSupported()
    {
        using var client = await _factory.CreateApiClientAsync();
        var machineId = await MachineIdAsync(client, "osPlatform eq 'Windows10' and version eq '1607'");

        using var response = await client.PostAsync($"/api/machines/{machineId}/startInvestigation", Json("""{"Comment":"c"}"""));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ClientVersionNotSupported",
            "Automated investigation is supported on client version 10.0.16299 and above.");
    }

    [Fact]
    public async Task Start_WithoutComment_Returns400_MissingRequiredParameter()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync("/api/machines/x/startInvestigation", Json("{}"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Comment is missing.");
    }

    [Fact]
    public async Task Start_OnUnknownMachine_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync("/api/machines/nope/startInvestigation", Json("""{"Comment":"c"}"""));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Machine nope was not found");
    }

    [Fact]
    public async Task Start_WithAutomatedInvestigationOff_Returns403_DisabledFeature_AndCreatedAlertsGetNoInvestigation()
    {
        using var client = await _factory.CreateApiClientAsync();
        var hunted = await HuntedEvent.ProcessEventAsync(client, "Windows11");
        var machineId = hunted.MachineId;
        var body = hunted.Body("AIR off", severity: "Low", category: "General");

        await FeatureSwitch.SetAsync(_factory, TenantFeatures.AutomatedInvestigation, enabled: false);
        try
        {
            using var response = await client.PostAsync($"/api/machines/{machineId}/startInvestigation", Json("""{"Comment":"c"}"""));
            var alert = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(body)));

            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisabledFeature");
            Assert.Equal(JsonValueKind.Null, alert.GetProperty("investigationId").ValueKind);
        }
        finally
        {
            await FeatureSwitch.SetAsync(_factory, TenantFeatures.AutomatedInvestigation, enabled: true);
        }
    }

    [Fact]
    public async Task CreateAlertByReference_StartsAnInvestigationOnTheNewAlert()
    {
        using var client = await _factory.CreateApiClientAsync();
        var hunted = await HuntedEvent.ProcessEventAsync(client, "Windows11");

        var alert = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(hunted.Body("AIR on", severity: "Low", category: "General"))));
        var investigation = await ODataJson.OkAsync(await client.GetAsync($"/api/investigations/{alert.GetProperty("id").GetString()}"));

        Assert.Equal("Running", alert.GetProperty("investigationState").GetString());
        Assert.Equal(alert.GetProperty("investigationId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), investigation.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/investigations", "Machine.Read.All")]
    [InlineData("GET", "/api/investigations/1", "Machine.Read.All")]
    [InlineData("POST", "/api/machines/x/startInvestigation", "Alert.Read.All")]
    public async Task WithoutTheDocumentedPermission_Returns403_Forbidden(string method, string path, string role)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync(role);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("""{"Comment":"c"}""") });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }
}
