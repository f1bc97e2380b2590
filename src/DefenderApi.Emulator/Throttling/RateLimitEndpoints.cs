using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Throttling;

/// <summary><c>GET /_emulator/ratelimits</c>: the rate-limit counters in use, per tenant, app, user and API.</summary>
internal static class RateLimitEndpoints
{
    /// <summary>Maps the counters query on the admin group.</summary>
    public static RouteHandlerBuilder MapRateLimits(this RouteGroupBuilder admin) => admin.MapGet("/ratelimits", List);

    private static async Task<Ok<List<RateLimitCounterView>>> List(IRateLimitStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var counters = await store.CountersAsync(time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(counters.Select(RateLimitCounterView.From).ToList());
    }
}

/// <summary>One counter: whose calls, to which API, and how full each window is.</summary>
/// <param name="TenantId">The caller's tenant.</param>
/// <param name="ClientId">The caller's application.</param>
/// <param name="UserId">The signed-in user of a delegated token, or <see langword="null"/>.</param>
/// <param name="Api">The API the limit belongs to.</param>
/// <param name="Windows">The windows, shortest first.</param>
internal sealed record RateLimitCounterView(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("userId")] string? UserId,
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("windows")] IReadOnlyList<RateLimitWindowView> Windows)
{
    /// <summary>Reads a counter key (<c>tenant|app|user|api</c>).</summary>
    /// <param name="counter">The counter.</param>
    /// <returns>The view.</returns>
    public static RateLimitCounterView From(RateLimitCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var parts = counter.Key.Split('|', 4);
        string Part(int i) => i < parts.Length ? parts[i] : string.Empty;
        return new RateLimitCounterView(
            Part(0),
            Part(1),
            Part(2) is { Length: > 0 } user ? user : null,
            Part(3),
            [.. counter.Windows.OrderBy(w => w.Window.Length).Select(w => new RateLimitWindowView(
                (int)w.Window.Length.TotalSeconds, w.Window.Limit, w.Used, Math.Max(0, w.Window.Limit - w.Used), w.ResetsAt))]);
    }
}

/// <summary>One window of a counter.</summary>
/// <param name="Seconds">The window's length (60 or 3600).</param>
/// <param name="Limit">Calls admitted within it.</param>
/// <param name="Used">Calls inside it now.</param>
/// <param name="Remaining">Calls still admitted now.</param>
/// <param name="ResetsAt">When its oldest call leaves it, or <see langword="null"/> when empty.</param>
internal sealed record RateLimitWindowView(
    [property: JsonPropertyName("seconds")] int Seconds,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("used")] int Used,
    [property: JsonPropertyName("remaining")] int Remaining,
    [property: JsonPropertyName("resetsAt")] DateTimeOffset? ResetsAt);
