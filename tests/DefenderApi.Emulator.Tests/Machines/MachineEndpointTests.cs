using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

public sealed class MachineEndpointTests(ManualActionFactory factory) : IClassFixture<ManualActionFactory>
{
    [Fact]
    public async Task GetById_AndByComputerName_ReturnTheSameMachine()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var byId = await client.GetAsync($"/api/machines/{TestMachines.Linux}");
        using var byName = await client.GetAsync("/api/machines/LNX-01.contoso.com");

        Assert.Equal(TestMachines.Linux, (await ODataJson.OkAsync(byId)).GetProperty("id").GetString());
        Assert.Equal(TestMachines.Linux, (await ODataJson.OkAsync(byName)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetById_Unknown_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.GetAsync("/api/machines/0000000000000000000000000000000000000000");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Machine 0000000000000000000000000000000000000000 was not found");
    }

    [Fact]
    public async Task Patch_ReplacesTheTagSetAndSetsTheDeviceValue()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PatchApiAsync($"/api/machines/{TestMachines.MacOs}", new { machineTags = new[] { "a", "b" }, deviceValue = "High" });

        var machine = await ODataJson.OkAsync(response);
        Assert.Equal(["a", "b"], machine.GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("High", machine.GetProperty("deviceValue").GetString());
    }

    [Fact]
    public async Task Tags_AddThenRemove_ChangeTheMachinesTags()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var add = await client.PostApiAsync($"/api/machines/{TestMachines.Android}/tags", new { Value = "Kiosk", Action = "Add" });
        Assert.Contains("Kiosk", (await ODataJson.OkAsync(add)).GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()));

        using var remove = await client.PostApiAsync($"/api/machines/{TestMachines.Android}/tags", new { Value = "Kiosk", Action = "Remove" });
        Assert.DoesNotContain("Kiosk", (await ODataJson.OkAsync(remove)).GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Tags_WithAnUnknownAction_Returns400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Android}/tags", new { Value = "x", Action = "Toggle" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task TagMultipleMachines_TagsEach_AndFindByTagFindsThem()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var tag = await client.PostApiAsync("/api/machines/AddOrRemoveTagForMultipleMachines",
            new { Value = "Wave-1", Action = "Add", MachineIds = new[] { TestMachines.Linux, TestMachines.Windows11 } });
        Assert.Equal(2, (await ODataJson.ValuesAsync(tag)).Count);

        using var exact = await client.GetAsync("/api/machines/findbytag?tag=Wave-1");
        using var prefix = await client.GetAsync("/api/machines/findbytag?tag=Wave&useStartsWithFilter=true");
        using var none = await client.GetAsync("/api/machines/findbytag?tag=Wave");
        Assert.Equal(2, (await ODataJson.ValuesAsync(exact)).Count);
        Assert.Equal(2, (await ODataJson.ValuesAsync(prefix)).Count);
        Assert.Empty(await ODataJson.ValuesAsync(none));
    }

    [Fact]
    public async Task TagMultipleMachines_Over500_Returns400_MaximumBatchSizeExceeded()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync("/api/machines/AddOrRemoveTagForMultipleMachines",
            new { Value = "x", Action = "Add", MachineIds = Enumerable.Range(0, 501).Select(i => $"m{i}").ToArray() });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MaximumBatchSizeExceeded", "Maximum batch size exceeded. Received: 501, allowed: 500.");
    }

    [Fact]
    public async Task SetDeviceValue_SetsIt_AndAnUnknownValueIs400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var ok = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/setDeviceValue", new { DeviceValue = "Low" });
        using var bad = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/setDeviceValue", new { DeviceValue = "Critical" });

        Assert.Equal("Low", (await ODataJson.OkAsync(ok)).GetProperty("deviceValue").GetString());
        await ErrorAssert.IsErrorAsync(bad, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task FindByIp_WithinTheWindow_FindsTheMachines_AndAnOldTimestampIs400_BadRequest()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var found = await client.GetAsync("/api/machines/findbyip(ip='10.0.0.5',timestamp=2026-11-02T08:00:00Z)");
        using var old = await client.GetAsync("/api/machines/findbyip(ip='10.0.0.5',timestamp=2026-09-01T08:00:00Z)");
        using var badIp = await client.GetAsync("/api/machines/findbyip(ip='10.0.0',timestamp=2026-11-02T08:00:00Z)");

        Assert.Equal(7, (await ODataJson.ValuesAsync(found)).Count);
        await ErrorAssert.IsErrorAsync(old, HttpStatusCode.BadRequest, "BadRequest", "The timestamp 2026-09-01T08:00:00Z isn't in the past 30 days.");
        await ErrorAssert.IsErrorAsync(badIp, HttpStatusCode.BadRequest, "InvalidIpAddress", "IP address 10.0.0 is invalid.");
    }

    [Fact]
    public async Task Find_WithNoMachineOnThatIp_Returns404_NotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.GetAsync("/api/machines/find(timestamp=2026-11-02T08:00:00Z,key='10.9.9.9')");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task FindByTag_WithoutTag_Returns400_MissingRequiredParameter()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.GetAsync("/api/machines/findbytag");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter tag is missing.");
    }

    [Theory]
    [InlineData("logonusers", "logonusers", "Users", "contoso\\\\user1", """{"id":"contoso\\user1","accountName":"user1","accountDomain":"contoso","logonTypes":"Interactive","isDomainAdmin":true,"isOnlyNetworkUser":false}""")]
    [InlineData("machinesoftware", "software", "Software", "microsoft-_-internet_explorer", """{"id":"microsoft-_-internet_explorer","name":"internet_explorer","vendor":"microsoft","weaknesses":67,"publicExploit":true,"activeAlert":false,"exposedMachines":42115,"impactScore":46.2037163}""")]
    [InlineData("machinevulnerabilities", "vulnerabilities", "Collection(Analytics.Contracts.PublicAPI.PublicVulnerabilityDto)", "CVE-2019-1348", """{"id":"CVE-2019-1348","name":"CVE-2019-1348","severity":"Medium","cvssV3":4.3,"exposedMachines":1}""")]
    [InlineData("machinerecommendations", "recommendations", "Recommendations", "va-_-git-scm-_-git", """{"id":"va-_-git-scm-_-git","productName":"git","recommendationCategory":"Application","remediationType":"Update","status":"Active"}""")]
    [InlineData("missingkbs", "getmissingkbs", "Collection(microsoft.windowsDefenderATP.api.PublicProductFixDto)", "4540673", """{"id":"4540673","name":"March 2020 Security Updates","productsNames":["windows_10"],"machineMissedOn":1,"cveAddressed":97}""")]
    public async Task SubCollection_LoadedThroughTheAdminApi_IsListedForItsMachine(string collection, string path, string context, string id, string item)
    {
        using var client = await factory.CreateLoadedClientAsync();
        var json = item.Insert(1, $"\"machineId\":\"{TestMachines.Windows11}\",");
        using var load = new StringContent($"[{json}]", System.Text.Encoding.UTF8, "application/json");
        using var loaded = await client.PostAsync($"/_emulator/tenants/{Emulator.Tenancy.DefaultTenant.TenantId}/data/{collection}", load);
        Assert.Equal("""{"count":1}""", await loaded.Content.ReadAsStringAsync());

        using var response = await client.GetAsync($"/api/machines/{TestMachines.Windows11}/{path}");
        var body = await ODataJson.OkAsync(response);
        Assert.Equal($"http://localhost/api/$metadata#{context}", body.GetProperty("@odata.context").GetString());
        Assert.Contains(body.GetProperty("value").EnumerateArray(), v => v.GetProperty("id").GetString() == id.Replace("\\\\", "\\", StringComparison.Ordinal));
        using var unknown = await client.GetAsync($"/api/machines/nope/{path}");
        await ErrorAssert.IsErrorAsync(unknown, HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
