using System.Collections.Concurrent;
using DefenderApi.Errors;

namespace DefenderApi.Hunting;

/// <summary>A refusal by the CPU quota: the error to return and the value for the Retry-After header.</summary>
/// <param name="Error">429 TooManyRequests saying the CPU quota was reached.</param>
/// <param name="RetryAfter">When enough running time falls out of the window for a new query to run.</param>
public sealed record HuntingQuotaRefusal(DefenderError Error, TimeSpan RetryAfter);

/// <summary>
/// Ledger of running time per tenant over sliding one-hour and one-day windows ("10 minutes of running time every hour
/// and 3 hours of running time a day"). A query may start while the tenant is under both limits; its measured time,
/// times the configured multiplier, is charged when it ends.
/// </summary>
public sealed class HuntingCpuQuota
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly TimeProvider _timeProvider;
    private readonly HuntingLimits _limits;
    private readonly ConcurrentDictionary<string, Ledger> _ledgers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the quota.</summary>
    /// <param name="timeProvider">The clock the windows slide on.</param>
    /// <param name="limits">The limits; the documented ones when <see langword="null"/>.</param>
    public HuntingCpuQuota(TimeProvider timeProvider, HuntingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _limits = limits ?? HuntingLimits.Documented;
    }

    /// <summary>Checks whether the tenant may run a query now.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns><see langword="null"/> when allowed; otherwise the refusal with its Retry-After.</returns>
    public HuntingQuotaRefusal? Check(string tenantId)
    {
        var ledger = _ledgers.GetOrAdd(tenantId, _ => new Ledger());
        var now = _timeProvider.GetUtcNow();
        lock (ledger)
        {
            ledger.Prune(now - Day);
            var hourly = ledger.RetryAfter(now, Hour, _limits.CpuPerHour);
            var daily = ledger.RetryAfter(now, Day, _limits.CpuPerDay);
            if (hourly is null && daily is null)
            {
                return null;
            }

            var (window, limit, retryAfter) = daily is { } d && d >= (hourly ?? TimeSpan.Zero)
                ? ("day", _limits.CpuPerDay, d)
                : ("hour", _limits.CpuPerHour, hourly!.Value);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var message = $"Advanced hunting CPU quota reached: the tenant used its {FormatDuration(limit)} of running time per {window}. Retry after {seconds} seconds.";
            return new HuntingQuotaRefusal(DefenderErrors.TooManyRequests(message), TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>Charges a query's measured execution time (times the multiplier) to the tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="executionTime">The measured time.</param>
    public void Charge(string tenantId, TimeSpan executionTime)
    {
        var charge = TimeSpan.FromTicks((long)(executionTime.Ticks * _limits.CpuChargeMultiplier));
        var ledger = _ledgers.GetOrAdd(tenantId, _ => new Ledger());
        lock (ledger)
        {
            ledger.Add(_timeProvider.GetUtcNow(), charge);
        }
    }

    /// <summary>Running time charged to the tenant in the last hour and the last day.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The usage.</returns>
    public (TimeSpan LastHour, TimeSpan LastDay) Usage(string tenantId)
    {
        var ledger = _ledgers.GetOrAdd(tenantId, _ => new Ledger());
        var now = _timeProvider.GetUtcNow();
        lock (ledger)
        {
            return (ledger.Sum(now - Hour), ledger.Sum(now - Day));
        }
    }

    private static string FormatDuration(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} hour(s)" : $"{span.TotalMinutes:0.##} minute(s)";

    private sealed class Ledger
    {
        private readonly List<(DateTimeOffset At, TimeSpan Charge)> _entries = [];

        public void Add(DateTimeOffset at, TimeSpan charge) => _entries.Add((at, charge));

        public void Prune(DateTimeOffset before) => _entries.RemoveAll(e => e.At <= before);

        public TimeSpan Sum(DateTimeOffset after) =>
            _entries.Where(e => e.At > after).Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Charge);

        /// <summary>Null when usage in the window is under the limit; otherwise how long until it is.</summary>
        public TimeSpan? RetryAfter(DateTimeOffset now, TimeSpan window, TimeSpan limit)
        {
            var inWindow = _entries.Where(e => e.At > now - window).ToList();
            var usage = inWindow.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Charge);
            foreach (var entry in inWindow)
            {
                if (usage < limit)
                {
                    break;
                }

                usage -= entry.Charge;
                if (usage < limit)
                {
                    return entry.At + window - now;
                }
            }

            return usage < limit ? null : window;
        }
    }
}
