using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Throttling;

public sealed class RateLimitTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task The101stCallInAMinute_Returns429_TooManyRequests_WithRetryAfter60()
    {
        using var client = await NewAppAsync();
        await CallAsync(client, ProbeApi.LimitedPath, times: 100);

        using var refused = await client.GetAsync(ProbeApi.LimitedPath);

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests", "Rate limit is exceeded. Try again in 60 seconds.");
        Assert.Equal("60", RetryAfter(refused));
    }

    [Fact]
    public async Task RefusedCall_WindowReopens_ExactlyWhenRetryAfterHasPassed()
    {
        using var client = await NewAppAsync();
        await CallAsync(client, ProbeApi.LimitedPath, times: 40);
        factory.Clock.Advance(TimeSpan.FromSeconds(20.5));
        await CallAsync(client, ProbeApi.LimitedPath, times: 60);

        using var first = await client.GetAsync(ProbeApi.LimitedPath);
        Assert.Equal("40", RetryAfter(first));
        factory.Clock.Advance(TimeSpan.FromSeconds(39));
        using var second = await client.GetAsync(ProbeApi.LimitedPath);
        Assert.Equal("1", RetryAfter(second));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        // Now 60.5 s: the 40 calls of 0 s have left the window; the 60 of 20.5 s remain until 80.5 s.
        await CallAsync(client, ProbeApi.LimitedPath, times: 40);
        using var full = await client.GetAsync(ProbeApi.LimitedPath);
        await ErrorAssert.IsErrorAsync(full, HttpStatusCode.TooManyRequests, "TooManyRequests", "Rate limit is exceeded. Try again in 20 seconds.");
    }

    [Fact]
    public async Task RefusedCalls_AreNotCounted()
    {
        using var client = await NewAppAsync();
        await CallAsync(client, ProbeApi.TightPath, times: 2);
        for (var i = 0; i < 5; i++)
        {
            using var refused = await client.GetAsync(ProbeApi.TightPath);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await CallAsync(client, ProbeApi.TightPath, times: 1);
    }

    [Fact]
    public async Task HourWindow_RefusesTheCallOverTheHourLimit_WhileTheMinuteWindowHasRoom()
    {
        using var client = await NewAppAsync();
        await CallAsync(client, ProbeApi.TightPath, times: 2);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await CallAsync(client, ProbeApi.TightPath, times: 1);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));

        using var refused = await client.GetAsync(ProbeApi.TightPath);

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal("2400", RetryAfter(refused));
        factory.Clock.Advance(TimeSpan.FromSeconds(2400));
        await CallAsync(client, ProbeApi.TightPath, times: 2);
    }

    [Fact]
    public async Task AnotherApp_IsNotThrottled_WhenOneAppIsAtTheLimit()
    {
        using var busy = await NewAppAsync();
        using var other = await NewAppAsync();
        await ExhaustTightLimitAsync(busy);

        await CallAsync(other, ProbeApi.TightPath, times: 2);
    }

    [Fact]
    public async Task SameAppIdInAnotherTenant_IsCountedSeparately()
    {
        var otherTenant = await factory.NewTenantAsync();
        var clientId = $"shared-{Guid.NewGuid():N}";
        using var here = await factory.CreateProbeClientAsync(DefaultTenant.TenantId, clientId);
        using var there = await factory.CreateProbeClientAsync(otherTenant, clientId);
        await ExhaustTightLimitAsync(here);

        await CallAsync(there, ProbeApi.TightPath, times: 2);
    }

    [Fact]
    public async Task EachApi_HasItsOwnCounters()
    {
        using var client = await NewAppAsync();
        await ExhaustTightLimitAsync(client);

        await CallAsync(client, ProbeApi.LimitedPath, times: 3);
    }

    [Fact]
    public async Task CallWithoutPermission_Gets403_NeverTooManyRequests()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Alert.Read.All");
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(ProbeApi.TightPath);
            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
        }
    }

    private async Task<HttpClient> NewAppAsync() => await factory.CreateApiClientWithRolesAsync("Machine.Read.All");

    private static async Task ExhaustTightLimitAsync(HttpClient client)
    {
        await CallAsync(client, ProbeApi.TightPath, times: 2);
        using var refused = await client.GetAsync(ProbeApi.TightPath);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    internal static async Task CallAsync(HttpClient client, string path, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"call {i + 1} of {times}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    internal static string? RetryAfter(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
}
