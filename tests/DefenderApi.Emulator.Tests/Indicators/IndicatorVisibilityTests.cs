using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Indicators.IndicatorTestData;

namespace DefenderApi.Emulator.Tests.Indicators;

public sealed class IndicatorVisibilityTests : IClassFixture<IndicatorVisibilityTests.Factory>
{
    private readonly Factory _factory;

    public IndicatorVisibilityTests(Factory factory) => _factory = factory;

    /// <summary>A tenant allowed three active indicators, so the limit is reachable.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory() => Settings["Emulator:Indicators:MaxActivePerTenant"] = "3";
    }

    private static async Task<List<string>> ValuesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/indicators");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith("$metadata#Indicators", json.RootElement.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        return [.. json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("indicatorValue").GetString()!)];
    }

    [Fact]
    public async Task List_WithoutTiReadWriteAll_ShowsOnlyTheAppsOwnIndicators_Limit_AndFeatureSwitch()
    {
        using var own = await _factory.CreateApiClientWithRolesAsync("Ti.ReadWrite");
        using var other = await _factory.CreateApiClientWithRolesAsync("Ti.ReadWrite");
        using var all = await _factory.CreateApiClientAsync();
        var mine = UniqueSha1();
        var theirs = UniqueSha1();
        (await own.PostAsync("/api/indicators", Json(Body("FileSha1", mine)))).EnsureSuccessStatusCode();
        (await other.PostAsync("/api/indicators", Json(Body("FileSha1", theirs)))).EnsureSuccessStatusCode();

        Assert.Equal([mine], await ValuesAsync(own));
        Assert.Equal([theirs], await ValuesAsync(other));
        Assert.Equal([mine, theirs], await ValuesAsync(all));

        using var third = await all.PostAsync("/api/indicators", Json(Body("FileSha1", UniqueSha1())));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        using var fourth = await all.PostAsync("/api/indicators", Json(Body("FileSha1", UniqueSha1())));
        await ErrorAssert.IsErrorAsync(fourth, HttpStatusCode.BadRequest, "BadRequest", "The tenant has reached the limit of 3 active indicators.");
        using var update = await all.PostAsync("/api/indicators", Json(Body("FileSha1", mine, "Block")));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        await FeatureSwitch.SetAsync(_factory, TenantFeatures.CustomIndicators, enabled: false);
        using var disabled = await all.PostAsync("/api/indicators", Json(Body("FileSha1", mine)));
        await ErrorAssert.IsErrorAsync(disabled, HttpStatusCode.Forbidden, "DisabledFeature");
        Assert.Equal(3, (await ValuesAsync(all)).Count);
        await FeatureSwitch.SetAsync(_factory, TenantFeatures.CustomIndicators, enabled: true);
    }

    [Fact]
    public async Task List_WithoutTiPermission_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        using var response = await client.GetAsync("/api/indicators");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }
}
