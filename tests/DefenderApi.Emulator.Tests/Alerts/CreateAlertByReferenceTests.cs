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

    private async Task<(HttpClient Client, string MachineId)> MachineAsync()
    {
        var client = await _factory.CreateApiClientAsync();
        var machine = (await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=1&$filter=startswith(osPlatform,'Windows1')")))[0];
        return (client, machine.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Create_OnAKnownMachine_Returns200_WithTheNewAlert_AndTheSameTitleMergesIntoIt()
    {
        var (client, machineId) = await MachineAsync();
        using var _ = client;

        var created = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(Body(machineId, "Merge me"))));
        var again = await ODataJson.OkAsync(await client.PostAsync("/api/alerts/CreateAlertByReference", Json(Body(machineId, "Merge me"))));

        Assert.Equal(machineId, created.GetProperty("machineId").GetString());
        Assert.Equal("High", created.GetProperty("severity").GetString());
        Assert.Equal("New", created.GetProperty("status").GetString());
        Assert.Equal("Execution", created.GetProperty("category").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("id").GetString());
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
        var (client, machineId) = await MachineAsync();
        using var _ = client;

        using var response = await client.PostAsync("/api/alerts/CreateAlertByReference", Json(Body(machineId, severity: severity, category: category)));

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
