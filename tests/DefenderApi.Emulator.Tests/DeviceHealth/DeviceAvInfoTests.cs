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
        Assert.Contains("$skiptoken=", root.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
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

public sealed class AvHealthExportTests : IClassFixture<DemoTenantFactory>
{
    private readonly DemoTenantFactory _factory;

    public AvHealthExportTests(DemoTenantFactory factory) => _factory = factory;

    [Fact]
    public async Task Export_LinksAGzipOfOneJsonLinePerDevice()
    {
        using var client = await _factory.CreateApiClientAsync();
        var export = await ODataJson.OkAsync(await client.GetAsync("/api/machines/InfoGatheringExport?sasValidHours=24"));
        var total = (await ODataJson.OkAsync(await client.GetAsync("/api/deviceavinfo?$count=true&$top=1"))).GetProperty("@odata.count").GetInt32();

        var link = export.GetProperty("exportFiles").EnumerateArray().Single().GetString()!;
        using var anonymous = await _factory.CreateReadyClientAsync();
        using var download = await anonymous.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await using var gzip = new System.IO.Compression.GZipStream(await download.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(total, lines.Length);
        Assert.Equal(EmulatorFactory.StartTime, export.GetProperty("generatedTime").GetDateTimeOffset());
        Assert.True(System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.TryGetProperty("avSignatureVersion", out _));
    }

    [Fact]
    public async Task Export_TamperedLink_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientAsync();
        var link = (await ODataJson.OkAsync(await client.GetAsync("/api/machines/InfoGatheringExport"))).GetProperty("exportFiles")[0].GetString()!;

        using var response = await client.GetAsync(new Uri(link).PathAndQuery.Replace("sig=", "sig=0", StringComparison.Ordinal));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("25")]
    [InlineData("0")]
    [InlineData("x")]
    public async Task Export_SasValidHoursOutside1To24_Returns400_InvalidInput(string hours)
    {
        using var client = await _factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(await client.GetAsync($"/api/machines/InfoGatheringExport?sasValidHours={hours}"), HttpStatusCode.BadRequest, "InvalidInput",
            $"Invalid input '{hours}' for sasValidHours; expected an integer from 1 to 24.");
    }

    [Fact]
    public async Task Export_WithoutVulnerabilityRead_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Machine.Read.All");

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/machines/InfoGatheringExport"), HttpStatusCode.Forbidden, "Forbidden");
    }
}
