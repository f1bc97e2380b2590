namespace DefenderApi.Emulator.Throttling;

/// <summary>One counting window of a limit: at most <paramref name="Limit"/> admitted calls within any <paramref name="Length"/>.</summary>
/// <param name="Length">The window length (a minute or an hour).</param>
/// <param name="Limit">Calls admitted within the window.</param>
internal readonly record struct RateLimitWindow(TimeSpan Length, int Limit);

/// <summary>The answer of the store for one call.</summary>
/// <param name="Admitted">Whether the call was admitted (and counted).</param>
/// <param name="RetryAt">For a refused call, the earliest instant at which a call will be admitted again.</param>
internal readonly record struct RateLimitDecision(bool Admitted, DateTimeOffset RetryAt)
{
    /// <summary>An admitted call.</summary>
    public static RateLimitDecision Admit { get; } = new(true, default);
}

/// <summary>
/// Where rate-limit counters live. One interface so the in-memory store can be replaced by a shared one (e.g. Redis)
/// when several emulator instances serve the same clients.
/// </summary>
internal interface IRateLimitStore
{
    /// <summary>
    /// Admits and counts the call when every window has room at <paramref name="now"/>; otherwise refuses it without
    /// counting it and tells when the first call will be admitted again.
    /// </summary>
    /// <param name="key">The counter: tenant, application, user and API.</param>
    /// <param name="windows">The windows that apply, all at once.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The decision.</returns>
    ValueTask<RateLimitDecision> TryAcquireAsync(string key, IReadOnlyList<RateLimitWindow> windows, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The counters holding calls inside a window at <paramref name="now"/>, for the dashboard and
    /// <c>GET /_emulator/ratelimits</c>. A store that cannot list its counters answers none.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The counters.</returns>
    ValueTask<IReadOnlyList<RateLimitCounter>> CountersAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<RateLimitCounter>>([]);

    /// <summary>Forgets every counter.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}

/// <summary>One counter's use of its windows.</summary>
/// <param name="Key">The counter key (<see cref="RateLimitMiddleware.KeyOf"/>).</param>
/// <param name="Windows">Each window's use.</param>
internal sealed record RateLimitCounter(string Key, IReadOnlyList<RateLimitWindowUse> Windows);

/// <summary>How full one window of a counter is.</summary>
/// <param name="Window">The window.</param>
/// <param name="Used">Admitted calls inside it now.</param>
/// <param name="ResetsAt">When its oldest call leaves it (a place frees up), or <see langword="null"/> when empty.</param>
internal readonly record struct RateLimitWindowUse(RateLimitWindow Window, int Used, DateTimeOffset? ResetsAt);
