using DefenderApi.Errors.Envelope;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// Declares the error answers every API endpoint can give, as endpoint metadata: the statuses of the "Common REST API
/// error codes" page (https://learn.microsoft.com/defender-endpoint/api/common-errors), each with the one envelope
/// <see cref="ErrorEnvelope"/> the error writer produces.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>The error statuses every <c>/api</c> endpoint declares: 400, 401, 403, 404, 429 and 500.</summary>
    public static IReadOnlyList<int> ApiStatuses { get; } = [400, 401, 403, 404, 429, 500];

    /// <summary>Declares <see cref="ApiStatuses"/> on every endpoint of the builder whose route starts with <c>/api/</c>.</summary>
    /// <typeparam name="TBuilder">The builder.</typeparam>
    /// <param name="builder">The group or endpoint.</param>
    public static TBuilder WithApiErrorResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && IsApiRoute(route.RoutePattern.RawText))
            {
                foreach (var status in ApiStatuses)
                {
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]));
                }
            }
        });
        return builder;
    }

    /// <summary>Whether a route belongs to the Defender API (<c>/api/…</c>) rather than the emulator's own surface.</summary>
    /// <param name="pattern">The route pattern, e.g. <c>/api/machines/{id}</c>.</param>
    /// <returns><see langword="true"/> for API routes.</returns>
    public static bool IsApiRoute(string? pattern) =>
        pattern is not null && pattern.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase);
}
