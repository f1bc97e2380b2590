namespace DefenderApi.Client.Tests.Infrastructure;

/// <summary>
/// A clock whose timers fire at once and record the delay asked for, so retry waits are asserted exactly and
/// no test sleeps. <see cref="Now"/> moves only when a test sets it (or, with <see cref="AdvanceOnDelay"/>, by each delay).
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Delays { get; } = [];

    public bool AdvanceOnDelay { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Add(dueTime);
            if (AdvanceOnDelay)
            {
                Now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
