using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.DeviceHealth;

public sealed class DeviceAvInfoTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public DeviceAvInfoTests(DemoTenantFactory factory) => _factory = factory;

    [Fact]
    public async Task List_DefaultPageOf20_WithNextLink()
    {
        using var client = await _factory.CreateApiClientAsync();
        var root = await ODataJson.OkAsync(await client.GetAsync("/api/deviceavinfo"));

        Assert.Equal(20, root.GetProperty("value").GetArrayLength());
        Assert.Contains("$skip=20", root.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("#DeviceAvInfo", root.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilterByOsKind_ReturnsOnlyThatKind_LinkedToMachines()
    {
        using var client = await _factory.CreateApiClientAsync();
        var rows = await ODataJson.ValuesAsync(await client.GetAsync("/api/deviceavinfo?$filter=osKind eq 'linux'"));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Linux", r.GetProperty("osPlatform").GetString()));
        using var machine = await client.GetAsync($"/api/machines/{rows[0].GetProperty("machineId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, machine.StatusCode);
    }

    [Theory]
    [InlineData("$filter=id eq 'x'")]
    [InlineData("$filter=rbacGroupName eq 'Finance'")]
    public async Task List_FilterOnTheExplicitlyUnsupportedProperties_Returns400_ODataError(string query)
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync($"/api/deviceavinfo?{query}"), HttpStatusCode.BadRequest, "ODataError");
    }

    [Fact]
    public async Task List_WithoutMachineRead_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Vulnerability.Read.All");

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/deviceavinfo"), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task List_WithDeviceHealthReportingOff_Returns403_DisabledFeature()
    {
        using var client = await _factory.CreateApiClientAsync();
        await FeatureSwitch.SetAsync(_factory, TenantFeatures.DeviceHealthReporting, enabled: false);
        try
        {
            await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/deviceavinfo"), HttpStatusCode.Forbidden, "DisabledFeature");
        }
        finally
        {
            await FeatureSwitch.SetAsync(_factory, TenantFeatures.DeviceHealthReporting, enabled: true);
        }
    }
}
