using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Hunting.Tests.Limits;

/// <summary>A fake clock whose stopwatch advances by a fixed step each time it is read, so "long-running" is deterministic.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset now, TimeSpan step) : FakeTimeProvider(now)
{
    private long _elapsedTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _elapsedTicks, step.Ticks);
}
