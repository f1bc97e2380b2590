using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Throttling;

/// <summary>The global rate-limit switch and scale as they are now (start values from configuration).</summary>
/// <param name="Enabled">Whether limits are enforced.</param>
/// <param name="Scale">The factor applied to every documented limit.</param>
internal sealed record RateLimitState(bool Enabled, double Scale);

/// <summary>
/// Turns an endpoint's documented <see cref="ApiRateLimit"/> into the windows that apply to a tenant now:
/// global settings (changeable at run time), then the tenant's configured override.
/// </summary>
internal sealed class RateLimitSettings(IOptions<RateLimitOptions> options)
{
    private RateLimitState _state = new(options.Value.Enabled, options.Value.Scale);

    /// <summary>The global settings.</summary>
    public RateLimitState Current => Volatile.Read(ref _state);

    /// <summary>Replaces the global settings.</summary>
    /// <param name="state">The new settings.</param>
    public void Update(RateLimitState state) => Volatile.Write(ref _state, state);

    /// <summary>The windows of <paramref name="limit"/> for <paramref name="tenantId"/>; empty when limits are off.</summary>
    /// <param name="limit">The documented limit.</param>
    /// <param name="tenantId">The caller's tenant.</param>
    /// <returns>The windows, minute first.</returns>
    public IReadOnlyList<RateLimitWindow> WindowsFor(ApiRateLimit limit, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var state = Current;
        var tenant = options.Value.Tenants.GetValueOrDefault(tenantId)
            ?? options.Value.Tenants.FirstOrDefault(t => string.Equals(t.Key, tenantId, StringComparison.OrdinalIgnoreCase)).Value;
        if (!(tenant?.Enabled ?? state.Enabled))
        {
            return [];
        }

        var scale = tenant?.Scale ?? state.Scale;
        var windows = new List<RateLimitWindow>(2);
        if (limit.PerMinute is { } perMinute)
        {
            windows.Add(new RateLimitWindow(TimeSpan.FromMinutes(1), Scaled(perMinute, scale)));
        }

        if (limit.PerHour is { } perHour)
        {
            windows.Add(new RateLimitWindow(TimeSpan.FromHours(1), Scaled(perHour, scale)));
        }

        return windows;
    }

    // Rounded down, but never below one call: a scaled limit must still let the API be called.
    private static int Scaled(int documented, double scale) =>
        (int)Math.Clamp(Math.Floor(documented * scale), 1, int.MaxValue);
}
