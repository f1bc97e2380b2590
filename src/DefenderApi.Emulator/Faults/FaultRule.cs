using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DefenderApi.Emulator.Faults;

/// <summary>A registered rule with its counters. Its draws come from its own seeded generator, one per eligible call.</summary>
internal sealed class FaultRule
{
    private readonly Lock _gate = new();
    private readonly Regex? _path;
    private readonly Random _random;
    private long _matched;
    private long _injected;

    /// <summary>Creates a rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="definition">What it matches and injects.</param>
    /// <param name="seed">Seed of its draws.</param>
    public FaultRule(string id, FaultRuleDefinition definition, int seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Id = id;
        Definition = definition;
        Seed = seed;
        _path = definition.PathExpression();
#pragma warning disable CA5394 // Reproducible draws are the point; nothing here is security-relevant.
        _random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>The rule id.</summary>
    public string Id { get; }

    /// <summary>What it matches and injects.</summary>
    public FaultRuleDefinition Definition { get; }

    /// <summary>The seed of its draws (given, derived from the global seed, or random).</summary>
    public int Seed { get; }

    /// <summary>
    /// Decides for one call that reached this rule: method, path and tenant must match; the first <c>afterCalls</c>
    /// matching calls pass; after <c>count</c> hits the rule is spent; otherwise a draw below <c>probability</c> hits.
    /// </summary>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (unversioned).</param>
    /// <param name="tenantId">The caller's tenant, when known.</param>
    /// <returns>Whether the call is hit.</returns>
    public bool TryHit(string method, string path, Guid? tenantId)
    {
        var d = Definition;
        if ((d.Method is not null && !string.Equals(d.Method, method, StringComparison.OrdinalIgnoreCase)) ||
            (_path is not null && !_path.IsMatch(path)) ||
            (d.TenantId is not null && d.TenantId != tenantId))
        {
            return false;
        }

        lock (_gate)
        {
            _matched++;
            if (_matched <= d.AfterCalls || (d.Count is { } count && _injected >= count))
            {
                return false;
            }

#pragma warning disable CA5394
            if (_random.NextDouble() >= d.Probability)
#pragma warning restore CA5394
            {
                return false;
            }

            _injected++;
            return true;
        }
    }

    /// <summary>The rule as listed by <c>GET /_emulator/faults</c>.</summary>
    /// <returns>The view.</returns>
    public FaultRuleView ToView()
    {
        var d = Definition;
        lock (_gate)
        {
            return new FaultRuleView(Id, d.Method, d.Path, d.TenantId, d.Error?.Value, d.Probability, d.Count, d.AfterCalls, d.LatencyMs,
                d.Transport?.ToString().ToLowerInvariant(), Seed, _matched, _injected);
        }
    }
}

/// <summary>A rule with its counters, as listed.</summary>
internal sealed record FaultRuleView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("tenantId")] Guid? TenantId,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("probability")] double Probability,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("afterCalls")] int AfterCalls,
    [property: JsonPropertyName("latencyMs")] int LatencyMs,
    [property: JsonPropertyName("transport")] string? Transport,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("matchedCalls")] long MatchedCalls,
    [property: JsonPropertyName("injectedCalls")] long InjectedCalls);
