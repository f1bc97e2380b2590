using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Faults;

/// <summary>The registered fault rules, in creation order (the order they are tried in).</summary>
internal sealed class FaultRuleStore(IOptions<FaultOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _created;

    /// <summary>Registers a rule. Its seed: the rule's own, else the global seed plus its creation number, else random.</summary>
    /// <param name="definition">The rule.</param>
    /// <returns>The registered rule.</returns>
    public FaultRule Add(FaultRuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            var number = ++_created;
#pragma warning disable CA5394 // An unseeded rule just needs some seed, reported in its listing so its run can be replayed.
            var seed = definition.Seed ?? (options.Value.Seed is { } global ? unchecked(global + number) : Random.Shared.Next());
#pragma warning restore CA5394
            var rule = new FaultRule(Guid.NewGuid().ToString(), definition, seed);
            _rules.Add(rule);
            return rule;
        }
    }

    /// <summary>Removes one rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>Whether it existed.</returns>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }

    /// <summary>Removes every rule (creation numbers start again, so a global seed replays the same sequences).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _created = 0;
        }
    }

    /// <summary>The rules, in the order they are tried.</summary>
    /// <returns>A copy of the list.</returns>
    public IReadOnlyList<FaultRule> All()
    {
        lock (_gate)
        {
            return [.. _rules];
        }
    }

    /// <summary>The first rule, in creation order, that hits this call; rules after it do not see the call.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="tenantId">The caller's tenant.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public FaultRule? FirstHit(string method, string path, Guid? tenantId) =>
        All().FirstOrDefault(rule => rule.TryHit(method, path, tenantId));
}

/// <summary>Fault injection settings (configuration section <c>Emulator:Faults</c>).</summary>
internal sealed record FaultOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:Faults";

    /// <summary>Global seed: rules without their own seed get this plus their creation number, so a run replays.</summary>
    public int? Seed { get; init; }

    /// <summary>How long a <c>timeout</c> transport fault holds a request before closing the connection.</summary>
    public int TimeoutSeconds { get; init; } = 300;
}
