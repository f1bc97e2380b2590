using System.Text.Json;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>Reads and completes the feature switch objects of the admin API (<c>{"liveResponse":false,…}</c>).</summary>
internal static class FeatureSwitches
{
    /// <summary>Validates switches: every name a <see cref="TenantFeatures"/> name, every value a boolean.</summary>
    /// <param name="switches">The JSON object's members, or <see langword="null"/>.</param>
    /// <returns>The switches.</returns>
    /// <exception cref="DefenderErrorException">400 <c>InvalidInput</c> naming the unknown feature or the bad value.</exception>
    public static IReadOnlyDictionary<string, bool> Parse(IReadOnlyDictionary<string, JsonElement>? switches)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, value) in switches ?? new Dictionary<string, JsonElement>())
        {
            if (!TenantFeatures.Defaults.ContainsKey(name))
            {
                throw new DefenderErrorException(DefenderErrors.InvalidInput(
                    $"'{name}' is not a tenant feature; known features: {string.Join(", ", TenantFeatures.Defaults.Keys)}"));
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new DefenderErrorException(DefenderErrors.InvalidInput($"{value.GetRawText()} for {name}; expected true or false"));
            }

            result[name] = value.GetBoolean();
        }

        return result;
    }

    /// <summary>Every feature with its value: the given switches over the defaults.</summary>
    /// <param name="switches">The switches that differ from the defaults.</param>
    /// <returns>All features, in <see cref="TenantFeatures.Defaults"/> order.</returns>
    public static IReadOnlyDictionary<string, bool> Resolve(IReadOnlyDictionary<string, bool> switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        return TenantFeatures.Defaults.ToDictionary(p => p.Key, p => switches.TryGetValue(p.Key, out var on) ? on : p.Value, StringComparer.Ordinal);
    }
}
