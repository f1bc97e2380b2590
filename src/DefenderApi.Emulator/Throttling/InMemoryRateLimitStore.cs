using System.Collections.Concurrent;

namespace DefenderApi.Emulator.Throttling;

/// <summary>
/// Sliding-window logs in process memory: each counter keeps the instants of its admitted calls for the longest
/// window, so every window is exact and the reopening instant is known to the tick.
/// </summary>
internal sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, CallLog> _logs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<RateLimitDecision> TryAcquireAsync(
        string key, IReadOnlyList<RateLimitWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var log = _logs.GetOrAdd(key, static _ => new CallLog());
        return ValueTask.FromResult(log.TryAcquire(windows, now.UtcTicks));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RateLimitCounter>> CountersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counters = new List<RateLimitCounter>();
        foreach (var (key, log) in _logs)
        {
            if (log.Use(now.UtcTicks) is { } windows)
            {
                counters.Add(new RateLimitCounter(key, windows));
            }
        }

        counters.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return ValueTask.FromResult<IReadOnlyList<RateLimitCounter>>(counters);
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _logs.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed class CallLog
    {
        private readonly Lock _gate = new();
        private readonly List<long> _admitted = [];
        private IReadOnlyList<RateLimitWindow> _windows = [];

        /// <summary>Each window's use at <paramref name="now"/>, or <see langword="null"/> when no call is inside any.</summary>
        public IReadOnlyList<RateLimitWindowUse>? Use(long now)
        {
            lock (_gate)
            {
                var uses = new List<RateLimitWindowUse>(_windows.Count);
                foreach (var window in _windows)
                {
                    var first = FirstAfter(now - window.Length.Ticks);
                    var used = _admitted.Count - first;
                    uses.Add(new RateLimitWindowUse(window, used, used == 0 ? null : new DateTimeOffset(_admitted[first] + window.Length.Ticks, TimeSpan.Zero)));
                }

                return uses.Exists(u => u.Used > 0) ? uses : null;
            }
        }

        public RateLimitDecision TryAcquire(IReadOnlyList<RateLimitWindow> windows, long now)
        {
            lock (_gate)
            {
                _windows = windows;
                Forget(before: now - windows.Max(w => w.Length.Ticks));
                long reopen = 0;
                foreach (var window in windows)
                {
                    // A call at t is inside the window at `now` while t > now - length.
                    var first = FirstAfter(now - window.Length.Ticks);
                    var inWindow = _admitted.Count - first;
                    if (inWindow >= window.Limit)
                    {
                        // The window has room again once the oldest calls in excess of limit-1 have left it.
                        var leaving = _admitted[first + inWindow - window.Limit];
                        reopen = Math.Max(reopen, leaving + window.Length.Ticks);
                    }
                }

                if (reopen > 0)
                {
                    return new RateLimitDecision(false, new DateTimeOffset(reopen, TimeSpan.Zero));
                }

                // Clock adjustments must not unsort the log.
                _admitted.Add(_admitted.Count > 0 ? Math.Max(now, _admitted[^1]) : now);
                return RateLimitDecision.Admit;
            }
        }

        private void Forget(long before)
        {
            var keep = FirstAfter(before);
            if (keep > 0)
            {
                _admitted.RemoveRange(0, keep);
            }
        }

        private int FirstAfter(long instant)
        {
            var index = _admitted.BinarySearch(instant + 1);
            index = index < 0 ? ~index : index;
            while (index > 0 && _admitted[index - 1] > instant)
            {
                index--;
            }

            while (index < _admitted.Count && _admitted[index] <= instant)
            {
                index++;
            }

            return index;
        }
    }
}
