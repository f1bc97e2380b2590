using System.Net;
using System.Text;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

public sealed class DataLoadingTests(ManualActionFactory factory) : IClassFixture<ManualActionFactory>
{
    [Fact]
    public async Task UnknownCollection_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await PostAsync(client, "spaceships", "[]");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Data collection spaceships was not found");
    }

    [Fact]
    public async Task BadItem_Returns400_NamingItsIndexAndProblem()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await PostAsync(client, "Machines", """[{"id":"a1","osPlatform":"Linux"},{"id":"a2","osPlatform":"Linux","healthStatus":"Sleepy"}]""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody",
            "Request body is incorrect: item 1: the value of healthStatus is not one of its allowed values: Active, Inactive, ImpairedCommunication, NoSensorData, NoSensorDataImpairedCommunication, Unknown");
    }

    [Fact]
    public async Task SubCollectionItem_ForAnUnknownMachine_Returns400_NamingTheMachine()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await PostAsync(client, "logonusers", """[{"id":"contoso\\x","machineId":"ghost"}]""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", "Request body is incorrect: item 0: machine 'ghost' does not exist in the tenant");
    }

    [Fact]
    public async Task TwoPendingActionsOfOneTypeOnOneMachine_Returns400_InvalidRequestBody()
    {
        using var client = await factory.CreateLoadedClientAsync();
        var pending = $$"""{"type":"RunAntiVirusScan","status":"Pending","machineId":"{{TestMachines.MacOs}}","creationDateTimeUtc":"2026-11-01T10:00:00Z","lastUpdateDateTimeUtc":"2026-11-01T10:00:00Z"}""";
        using var response = await PostAsync(client, "machineactions",
            $"[{pending.Insert(1, "\"id\":\"7e4a1c52-0000-4000-8000-0000000000a1\",")},{pending.Insert(1, "\"id\":\"7e4a1c52-0000-4000-8000-0000000000a2\",")}]");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
        Assert.Equal("Request body is incorrect: the items break a rule of the machineactions collection: two items, or an item and a stored entity of another kind, share a key that must be unique", error.Message);
    }

    [Fact]
    public async Task Machines_AreUpsertedById()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var first = await PostAsync(client, "machines", """[{"id":"up1","computerDnsName":"before","osPlatform":"Linux"}]""");
        using var second = await PostAsync(client, "machines", """[{"id":"up1","computerDnsName":"after","osPlatform":"Linux"}]""");
        Assert.Equal("""{"count":1}""", await second.Content.ReadAsStringAsync());

        using var machine = await client.GetAsync("/api/machines/up1");
        Assert.Equal("after", (await ODataJson.OkAsync(machine)).GetProperty("computerDnsName").GetString());
    }

    [Fact]
    public async Task MachineActions_AndLibrary_CanBeLoaded()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var actions = await PostAsync(client, "machineactions", $$"""[{"id":"7e4a1c52-0000-4000-8000-000000000001","type":"Isolate","scope":"Full","status":"Succeeded","machineId":"{{TestMachines.Linux}}","creationDateTimeUtc":"2026-11-01T10:00:00Z","lastUpdateDateTimeUtc":"2026-11-01T10:01:00Z"}]""");
        using var library = await PostAsync(client, "library", """[{"fileName":"loaded.ps1","description":"from a test","content":"Write-Host hi"}]""");
        Assert.Equal(HttpStatusCode.OK, actions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);

        using var action = await client.GetAsync("/api/machineactions/7e4a1c52-0000-4000-8000-000000000001");
        Assert.Equal("Succeeded", (await ODataJson.OkAsync(action)).GetProperty("status").GetString());
        using var files = await client.GetAsync("/api/libraryfiles");
        Assert.Contains(await ODataJson.ValuesAsync(files), f => f.GetProperty("fileName").GetString() == "loaded.ps1");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string collection, string json) =>
        client.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/{collection}", new StringContent(json, Encoding.UTF8, "application/json"));
}
