using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.Alerts;

public sealed class SecurityDemoDataTests
{
    private static async Task<string> SnapshotAsync(DemoTenantFactory factory)
    {
        using var client = await factory.CreateApiClientAsync();
        var parts = new List<string>();
        foreach (var path in new[] { "/api/alerts?$expand=evidence", "/api/indicators", "/api/investigations", "/api/Software", "/api/vulnerabilities/machinesVulnerabilities", "/api/deviceavinfo?$top=500" })
        {
            parts.Add((await ODataJson.OkAsync(await client.GetAsync(path))).GetProperty("value").GetRawText());
        }

        return string.Join('\n', parts);
    }

    [Fact]
    public async Task DemoData_IsTheSameForTheSameSeed()
    {
        await using var first = new DemoTenantFactory();
        await using var second = new DemoTenantFactory();

        Assert.Equal(await SnapshotAsync(first), await SnapshotAsync(second));
    }

    [Fact]
    public async Task DemoIndicators_CoverTheDemoThreats_AndAreVisibleToTheDefaultApp()
    {
        await using var factory = new DemoTenantFactory();
        using var client = await factory.CreateApiClientAsync();

        var indicators = await ODataJson.ValuesAsync(await client.GetAsync("/api/indicators"));

        Assert.Equal(11, indicators.Count);
        Assert.Equal(["DomainName", "FileSha256", "IpAddress"], indicators.Select(i => i.GetProperty("indicatorType").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task DemoAlertsSetting_SeedsExactlyThatManyAlerts_OnDemoMachines()
    {
        await using var factory = new DemoTenantFactory();
        factory.Settings["Emulator:DemoAlerts"] = "1234";
        using var client = await factory.CreateApiClientAsync();

        var page = await ODataJson.OkAsync(await client.GetAsync("/api/alerts?$count=true&$top=5"));
        var machineIds = (await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=10000"))).Select(m => m.GetProperty("id").GetString()).ToHashSet();

        Assert.Equal(1234, page.GetProperty("@odata.count").GetInt64());
        Assert.All(page.GetProperty("value").EnumerateArray(), a => Assert.Contains(a.GetProperty("machineId").GetString(), machineIds));
    }
}
