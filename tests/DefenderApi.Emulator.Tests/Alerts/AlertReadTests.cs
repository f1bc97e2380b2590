using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.Alerts;

public sealed class AlertReadTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public AlertReadTests(DemoTenantFactory factory) => _factory = factory;

    [Fact]
    public async Task List_WithoutExpand_ReturnsAlerts_WithEmptyEvidence()
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/alerts");

        var root = await ODataJson.OkAsync(response);
        Assert.EndsWith("/api/$metadata#Alerts", root.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var alerts = root.GetProperty("value").EnumerateArray().ToList();
        Assert.InRange(alerts.Count, 100, 200);
        Assert.All(alerts, a => Assert.Equal(0, a.GetProperty("evidence").GetArrayLength()));
        Assert.All(alerts, a => Assert.StartsWith("da", a.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ExpandEvidence_ReturnsEvidenceLinkedToTheAlertsMachine()
    {
        using var client = await _factory.CreateApiClientAsync();
        var alert = (await DemoAlerts.WithEvidenceAsync(client, 1))[0];

        Assert.Equal(5, alert.GetProperty("evidence").GetArrayLength());
        Assert.Equal(40, DemoAlerts.Evidence(alert, "File").GetProperty("sha1").GetString()!.Length);
        using var machine = await client.GetAsync($"/api/machines/{alert.GetProperty("machineId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, machine.StatusCode);
    }

    [Theory]
    [InlineData("$expand=comments")]
    [InlineData("$expand=machine")]
    [InlineData("$top=10001")]
    [InlineData("$filter=title eq 'x'")]
    public async Task List_UndocumentedQuery_Returns400_ODataError(string query)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync($"/api/alerts?{query}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ODataError");
    }

    [Fact]
    public async Task List_FilterByStatusAndSeverity_ReturnsOnlyMatches()
    {
        using var client = await _factory.CreateApiClientAsync();
        var alerts = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$filter=status eq 'New' and severity eq 'High'&$top=10000"));

        Assert.All(alerts, a => Assert.Equal(("New", "High"), (a.GetProperty("status").GetString(), a.GetProperty("severity").GetString())));
    }

    [Fact]
    public async Task Get_KnownId_Returns200_WithEntityContext_AndItsEvidenceAsTheExpandedListShowsIt()
    {
        using var client = await _factory.CreateApiClientAsync();
        var listed = (await DemoAlerts.WithEvidenceAsync(client, 1))[0];
        var id = listed.GetProperty("id").GetString();

        var alert = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{id}"));

        Assert.Equal(id, alert.GetProperty("id").GetString());
        Assert.EndsWith("#Alerts/$entity", alert.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, alert.GetProperty("evidence").GetArrayLength());
        Assert.Equal(listed.GetProperty("evidence").GetRawText(), alert.GetProperty("evidence").GetRawText());
        Assert.EndsWith("Z", alert.GetProperty("evidence")[0].GetProperty("evidenceCreationTime").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/alerts/da000_1");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Alert da000_1 was not found");
    }

    [Fact]
    public async Task RelatedEntities_OfADemoAlert_AreItsEvidence()
    {
        using var client = await _factory.CreateApiClientAsync();
        var alert = (await DemoAlerts.WithEvidenceAsync(client, 1))[0];
        var id = alert.GetProperty("id").GetString();

        var domains = await ODataJson.ValuesAsync(await client.GetAsync($"/api/alerts/{id}/domains"));
        var ips = await ODataJson.ValuesAsync(await client.GetAsync($"/api/alerts/{id}/ips"));
        var files = await ODataJson.ValuesAsync(await client.GetAsync($"/api/alerts/{id}/files"));
        var machine = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{id}/machine"));
        var user = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{id}/user"));

        Assert.Equal(new Uri(DemoAlerts.Evidence(alert, "Url").GetProperty("url").GetString()!).Host, domains.Single().GetProperty("host").GetString());
        Assert.Equal(DemoAlerts.Evidence(alert, "Ip").GetProperty("ipAddress").GetString(), ips.Single().GetProperty("id").GetString());
        Assert.Equal(DemoAlerts.Evidence(alert, "File").GetProperty("sha1").GetString(), files.Single().GetProperty("sha1").GetString());
        Assert.Equal(alert.GetProperty("machineId").GetString(), machine.GetProperty("id").GetString());
        Assert.False(machine.TryGetProperty("@odata.context", out _));
        Assert.Equal(alert.GetProperty("relatedUser").GetProperty("userName").GetString(), user.GetProperty("accountName").GetString());
    }

    [Theory]
    [InlineData("domains")]
    [InlineData("files")]
    [InlineData("ips")]
    [InlineData("machine")]
    [InlineData("user")]
    public async Task RelatedEntities_OfAnUnknownAlert_Return404_ResourceNotFound(string related)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync($"/api/alerts/nope/{related}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Alert nope was not found");
    }

    [Theory]
    [InlineData("/api/alerts", "Machine.Read.All")]
    [InlineData("/api/alerts/x", "Machine.Read.All")]
    [InlineData("/api/alerts/x/domains", "Alert.Read.All")]
    [InlineData("/api/alerts/x/files", "Alert.Read.All")]
    [InlineData("/api/alerts/x/ips", "Alert.Read.All")]
    [InlineData("/api/alerts/x/machine", "Alert.Read.All")]
    [InlineData("/api/alerts/x/user", "Alert.Read.All")]
    public async Task Read_WithoutTheDocumentedPermission_Returns403_Forbidden(string path, string otherRole)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync(otherRole);
        using var response = await client.GetAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("/api/alerts", "Alert.Read.All")]
    [InlineData("/api/alerts/x/domains", "URL.Read.All")]
    [InlineData("/api/alerts/x/files", "File.Read.All")]
    [InlineData("/api/alerts/x/ips", "Ip.Read.All")]
    [InlineData("/api/alerts/x/machine", "Machine.Read.All")]
    [InlineData("/api/alerts/x/user", "User.Read.All")]
    public async Task Read_WithTheDocumentedPermission_IsAllowed(string path, string role)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync(role);
        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class MachineAlertTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public MachineAlertTests(DemoTenantFactory factory) => _factory = factory;

    [Fact]
    public async Task MachineAlerts_AreTheAlertsOfThatMachine_AndCountHonoursTheFilter()
    {
        using var client = await _factory.CreateApiClientAsync();
        var machineId = (await DemoAlerts.WithEvidenceAsync(client, 1))[0].GetProperty("machineId").GetString();

        var alerts = await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{machineId}/alerts"));
        using var count = await client.GetAsync($"/api/machines/{machineId}/alerts/$count?$filter=status ne 'Resolved'");

        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(machineId, a.GetProperty("machineId").GetString()));
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal(alerts.Count(a => a.GetProperty("status").GetString() != "Resolved").ToString(System.Globalization.CultureInfo.InvariantCulture),
            await count.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MachineAlerts_OfAnUnknownMachine_Return404_ResourceNotFound()
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/machines/nope/alerts"), HttpStatusCode.NotFound, "ResourceNotFound", "Machine nope was not found");
    }

    [Fact]
    public async Task MachineAlerts_WithoutAlertRead_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Machine.Read.All");

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/machines/nope/alerts"), HttpStatusCode.Forbidden, "Forbidden");
    }
}
