using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;

namespace DefenderApi.Emulator.Tests.Throttling;

public sealed class InMemoryRateLimitStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitWindow[] TwoPerMinuteThreePerHour = [new(TimeSpan.FromMinutes(1), 2), new(TimeSpan.FromHours(1), 3)];

    [Fact]
    public async Task CallOverTheMinuteLimit_IsRefusedUntilTheOldestCallLeavesTheWindow()
    {
        var store = new InMemoryRateLimitStore();
        Assert.True((await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0, default)).Admitted);
        Assert.True((await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddSeconds(10.5), default)).Admitted);

        var refused = await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddSeconds(20), default);

        Assert.False(refused.Admitted);
        Assert.Equal(T0.AddMinutes(1), refused.RetryAt);
        Assert.False((await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddMinutes(1).AddTicks(-1), default)).Admitted);
        Assert.True((await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddMinutes(1), default)).Admitted);
    }

    [Fact]
    public async Task BothWindowsFull_RetryAtIsTheLaterReopening()
    {
        var store = new InMemoryRateLimitStore();
        foreach (var seconds in new[] { 0, 100, 200 })
        {
            Assert.True((await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddSeconds(seconds), default)).Admitted);
        }

        var refused = await store.TryAcquireAsync("k", TwoPerMinuteThreePerHour, T0.AddSeconds(210), default);

        Assert.Equal(T0.AddHours(1), refused.RetryAt);
    }

    [Fact]
    public async Task Keys_AreCountedSeparately_AndClearForgetsEverything()
    {
        var store = new InMemoryRateLimitStore();
        RateLimitWindow[] one = [new(TimeSpan.FromMinutes(1), 1)];
        Assert.True((await store.TryAcquireAsync("a", one, T0, default)).Admitted);
        Assert.True((await store.TryAcquireAsync("b", one, T0, default)).Admitted);
        Assert.False((await store.TryAcquireAsync("a", one, T0, default)).Admitted);

        await store.ClearAsync(default);

        Assert.True((await store.TryAcquireAsync("a", one, T0, default)).Admitted);
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(59.1, 60)]
    [InlineData(60, 60)]
    [InlineData(0, 1)]
    public void RetryAfter_IsWholeSecondsRoundedUp_AtLeastOne(double seconds, long expected) =>
        Assert.Equal(expected, RateLimitMiddleware.RetryAfterSeconds(T0, T0.AddSeconds(seconds)));

    [Fact]
    public void CounterKey_IncludesTheUser_ForDelegatedTokensOnly()
    {
        var app = RateLimitMiddleware.KeyOf(new CallerIdentity("t", "c", null), "machines");
        var alice = RateLimitMiddleware.KeyOf(new CallerIdentity("t", "c", "alice"), "machines");
        var bob = RateLimitMiddleware.KeyOf(new CallerIdentity("t", "c", "bob"), "machines");

        Assert.Equal(3, new[] { app, alice, bob }.Distinct().Count());
        Assert.NotEqual(app, RateLimitMiddleware.KeyOf(new CallerIdentity("t", "c", null), "alerts"));
    }
}
