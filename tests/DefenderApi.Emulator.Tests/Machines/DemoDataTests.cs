using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

public sealed class DemoDataTests
{
    [Fact]
    public async Task SameSeed_GivesTheSameMachines()
    {
        var first = await FirstMachinesAsync();
        var second = await FirstMachinesAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DemoFleet_HasEveryPlatformFamilyAndOldSensors()
    {
        await using var factory = new DemoTenantFactory();
        using var client = await factory.CreateApiClientAsync();
        foreach (var platform in new[] { "Windows10", "Windows11", "WindowsServer2012R2", "WindowsServer2016", "WindowsServer2019", "WindowsServer2022", "Linux", "macOS", "iOS", "Android" })
        {
            using var response = await client.GetAsync($"/api/machines?$filter=osPlatform eq '{platform}'&$top=1");
            Assert.Single(await ODataJson.ValuesAsync(response));
        }

        using var old = await client.GetAsync("/api/machines?$filter=osPlatform eq 'Windows10' and version eq '1607'&$top=1");
        var machine = Assert.Single(await ODataJson.ValuesAsync(old));
        using var isolate = await client.PostApiAsync($"/api/machines/{machine.GetProperty("id").GetString()}/isolate", new { Comment = "demo" });
        await ErrorAssert.IsErrorAsync(isolate, HttpStatusCode.BadRequest, "ClientVersionNotSupported");
    }

    [Fact]
    public async Task EmptyTenant_ListMachines_Returns404_NotFound()
    {
        await using var factory = new EmulatorFactory();
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NotFound", "No recent machines were found.");
    }

    private static async Task<string> FirstMachinesAsync()
    {
        await using var factory = new DemoTenantFactory();
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$top=50&$orderby=computerDnsName");
        return await response.Content.ReadAsStringAsync();
    }
}
