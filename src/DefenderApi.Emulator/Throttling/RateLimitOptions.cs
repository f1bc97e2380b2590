namespace DefenderApi.Emulator.Throttling;

/// <summary>
/// Rate-limit settings at start (configuration section <c>Emulator:RateLimits</c>; env vars
/// <c>Emulator__RateLimits__Scale=0.1</c>). <c>PUT /_emulator/settings</c> changes the global values at run time.
/// </summary>
internal sealed record RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:RateLimits";

    /// <summary>Whether documented limits are enforced (on by default).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Multiplies every documented limit (1.0 = as documented).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Per-tenant overrides by tenant id; a value given there wins over the global one for that tenant.</summary>
    public Dictionary<string, TenantRateLimitOverride> Tenants { get; init; } = [];

    /// <summary>Lists every problem at once (empty when valid).</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsValidScale(Scale))
        {
            problems.Add($"RateLimits:Scale must be greater than 0 and at most 1000, not {Scale}.");
        }

        foreach (var (tenant, settings) in Tenants)
        {
            if (!Guid.TryParse(tenant, out _))
            {
                problems.Add($"RateLimits:Tenants key '{tenant}' is not a tenant id (GUID).");
            }

            if (settings.Scale is { } scale && !IsValidScale(scale))
            {
                problems.Add($"RateLimits:Tenants:{tenant}:Scale must be greater than 0 and at most 1000, not {scale}.");
            }
        }

        return problems;
    }

    /// <summary>Whether a scale factor is accepted.</summary>
    /// <param name="scale">The factor.</param>
    /// <returns><see langword="true"/> when in (0, 1000].</returns>
    public static bool IsValidScale(double scale) => double.IsFinite(scale) && scale is > 0 and <= 1000;
}

/// <summary>One tenant's rate-limit override; unset values follow the global settings.</summary>
internal sealed record TenantRateLimitOverride
{
    /// <summary>Whether limits are enforced for this tenant.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The scale factor for this tenant.</summary>
    public double? Scale { get; init; }
}
