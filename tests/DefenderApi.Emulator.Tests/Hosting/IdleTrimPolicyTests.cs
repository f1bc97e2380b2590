using DefenderApi.Emulator.Hosting;

namespace DefenderApi.Emulator.Tests.Hosting;

/// <summary>The idle trimmer trims once after a burst of allocation, at the first quiet interval, and not while busy.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long Start = 1_000_000;

    [Fact]
    public void QuietIntervalsShortOfABurst_NeverTrim()
    {
        var policy = new IdleTrimPolicy(Start);
        var total = Start;
        for (var i = 0; i < (int)(IdleTrimPolicy.BurstBytes / IdleTrimPolicy.QuietBytes) - 1; i++)
        {
            total += IdleTrimPolicy.QuietBytes / 2;
            Assert.False(policy.Observe(total));
        }
    }

    [Fact]
    public void ABurst_TrimsAtTheFirstQuietInterval_ThenWaitsForTheNextBurst()
    {
        var policy = new IdleTrimPolicy(Start);
        var total = Start + IdleTrimPolicy.BurstBytes;
        Assert.False(policy.Observe(total));
        Assert.False(policy.Observe(total += IdleTrimPolicy.QuietBytes + 1));
        Assert.True(policy.Observe(total += 1_000));
        Assert.False(policy.Observe(total));
        Assert.False(policy.Observe(total += IdleTrimPolicy.BurstBytes));
        Assert.True(policy.Observe(total));
    }

    [Fact]
    public void ManySmallQuietIntervals_AddUpToABurst_AndTrimOnce()
    {
        var policy = new IdleTrimPolicy(Start);
        var total = Start;
        var trims = 0;
        var intervals = (int)(IdleTrimPolicy.BurstBytes / IdleTrimPolicy.QuietBytes) + 1;
        for (var i = 0; i < intervals; i++)
        {
            trims += policy.Observe(total += IdleTrimPolicy.QuietBytes) ? 1 : 0;
        }

        Assert.Equal(1, trims);
    }
}
