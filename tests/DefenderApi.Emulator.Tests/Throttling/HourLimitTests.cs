using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Throttling;

/// <summary>The documented hour limit on a clock of its own (the test moves time by an hour).</summary>
public sealed class HourLimitTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task The1501stCallInAnHour_Returns429_WithRetryAfterUntilTheFirstCallsLeaveTheHour()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        for (var minute = 0; minute < 15; minute++)
        {
            await RateLimitTests.CallAsync(client, ProbeApi.LimitedPath, times: 100);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        using var refused = await client.GetAsync(ProbeApi.LimitedPath);

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests", "Rate limit is exceeded. Try again in 2700 seconds.");
        Assert.Equal("2700", RateLimitTests.RetryAfter(refused));
        factory.Clock.Advance(TimeSpan.FromSeconds(2699));
        using var stillRefused = await client.GetAsync(ProbeApi.LimitedPath);
        Assert.Equal("1", RateLimitTests.RetryAfter(stillRefused));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await RateLimitTests.CallAsync(client, ProbeApi.LimitedPath, times: 100);
    }
}
