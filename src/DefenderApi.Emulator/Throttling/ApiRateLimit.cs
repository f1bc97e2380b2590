namespace DefenderApi.Emulator.Throttling;

/// <summary>
/// An endpoint's documented rate limit, as endpoint metadata. Counted per tenant and application (and user, for
/// delegated tokens) separately for each <see cref="Api"/>; both windows apply at once.
/// </summary>
/// <param name="Api">The API the limit counts (endpoints sharing a name share counters), e.g. <c>machines.list</c>.</param>
/// <param name="PerMinute">Calls allowed per minute, or <see langword="null"/>.</param>
/// <param name="PerHour">Calls allowed per hour, or <see langword="null"/>.</param>
internal sealed record ApiRateLimit(string Api, int? PerMinute, int? PerHour)
{
    /// <summary>The most common documented limit: 100 calls per minute and 1,500 per hour.</summary>
    /// <param name="api">The API name.</param>
    /// <returns>The limit.</returns>
    public static ApiRateLimit Default(string api) => new(api, 100, 1500);
}

/// <summary>Declares documented rate limits on endpoints.</summary>
internal static class RateLimitEndpointExtensions
{
    /// <summary>Declares the documented limit of this endpoint (or of every endpoint of a group).</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="limit">The documented limit.</param>
    public static TBuilder WithRateLimit<TBuilder>(this TBuilder builder, ApiRateLimit limit)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(limit);
}

/// <summary>
/// Marks an API endpoint whose reference page documents no rate limit: the emulator counts nothing for it. Every
/// <c>/api</c> endpoint carries either an <see cref="ApiRateLimit"/> or this marker (a test enumerates them).
/// </summary>
/// <param name="Reason">Why no limit applies, e.g. which pages were read.</param>
internal sealed record NoDocumentedRateLimit(string Reason);

/// <summary>Declares that an endpoint's pages document no rate limit.</summary>
internal static class NoRateLimitEndpointExtensions
{
    /// <summary>Marks the endpoint (or every endpoint of a group) as having no documented rate limit.</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="reason">Why, e.g. "the vulnerability management pages document no limit".</param>
    public static TBuilder WithoutRateLimit<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoDocumentedRateLimit(reason));
}
