namespace DefenderApi.Client;

/// <summary>Retry settings; see docs/client.md for which calls are retried on which answers.</summary>
public sealed record DefenderRetryOptions
{
    /// <summary>Retries after the first attempt. Default 3; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; doubled per retry and jittered (±20 %). Default 0.8 s.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait honoured from a <c>Retry-After</c> header. Default 60 s (MDE's per-minute windows). A 429 asking
    /// for a longer wait is not retried: it surfaces at once as <see cref="DefenderRequestFailedException"/> with its
    /// <see cref="DefenderRequestFailedException.RetryAfter"/>. <see cref="TimeSpan.Zero"/> never waits for a 429.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is negative or inconsistent.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, Delay);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero);
    }
}
