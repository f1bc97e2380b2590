namespace DefenderApi.Hunting;

/// <summary>The documented advanced hunting limits (<see href="https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api">Advanced Hunting API</see>); tests shrink them.</summary>
public sealed record HuntingLimits
{
    /// <summary>The documented limits.</summary>
    public static HuntingLimits Documented { get; } = new();

    /// <summary>Rows returned at most; further rows are cut off ("The results include a maximum of 100,000 rows").</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>How far back data is visible ("You can only run a query on data from the last 30 days").</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Longest a single request may run ("The maximal execution time of a single request is 200 seconds").</summary>
    public TimeSpan MaxExecutionTime { get; init; } = TimeSpan.FromSeconds(200);

    /// <summary>Largest result ("can't exceed 124 MB"), measured as the UTF-8 size of the Results JSON.</summary>
    public long MaxResultBytes { get; init; } = 124L * 1024 * 1024;

    /// <summary>Running time allowed per tenant in any hour ("10 minutes of running time every hour").</summary>
    public TimeSpan CpuPerHour { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Running time allowed per tenant in any day ("3 hours of running time a day").</summary>
    public TimeSpan CpuPerDay { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Factor applied to measured execution time before it is charged, so tests can exhaust the quota quickly.</summary>
    public double CpuChargeMultiplier { get; init; } = 1.0;

    /// <summary>Throws when a value makes no sense, so a bad configuration fails at start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxResultBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lookback, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExecutionTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CpuPerHour, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CpuPerDay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(CpuChargeMultiplier);
    }
}
