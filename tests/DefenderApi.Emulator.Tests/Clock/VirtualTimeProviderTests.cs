using DefenderApi.Emulator.Clock;

namespace DefenderApi.Emulator.Tests.Clock;

public sealed class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Clock_StandsStill_UntilAdvanced()
    {
        var clock = new VirtualTimeProvider(Start);

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(Start.AddSeconds(90), clock.Advance(TimeSpan.FromSeconds(90)));
        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(Start.UtcTicks));
    }

    [Fact]
    public void Delay_CompletesOnlyWhenAnAdvancePassesItsDueTime()
    {
        var clock = new VirtualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Timers_FireInDueOrder_AtTheirOwnInstants_PeriodicOnesRepeatedly()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = new List<string>();
        using var periodic = clock.CreateTimer(_ => fired.Add($"tick@{(clock.GetUtcNow() - Start).TotalSeconds}"), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var once = clock.CreateTimer(_ => fired.Add($"once@{(clock.GetUtcNow() - Start).TotalSeconds}"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(["tick@2", "once@3", "tick@4", "tick@6"], fired);
    }

    [Fact]
    public void DisposedOrStoppedTimer_DoesNotFire()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
    }
}
