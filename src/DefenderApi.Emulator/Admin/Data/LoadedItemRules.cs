using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// The rules every loaded item meets beyond its JSON shape, the same for every collection: enumerations (enums and
/// <see cref="DocumentedValuesAttribute"/> strings) match case-insensitively and are stored in the documented
/// spelling, other values are refused naming the property; a property the store requires is not <c>null</c>.
/// Problems are worded from the item's JSON names, never from the storage engine's.
/// </summary>
internal static class LoadedItemRules
{
    /// <summary>Checks and normalizes an item; returns the problem, or <see langword="null"/>.</summary>
    /// <param name="item">The deserialized item.</param>
    /// <param name="contract">Its JSON contract.</param>
    /// <param name="entity">Its store mapping, when the item is an entity.</param>
    /// <returns>The problem.</returns>
    public static string? Check(object item, JsonTypeInfo contract, IEntityType? entity)
    {
        foreach (var rule in Rules.GetOrAdd((contract, entity), static key => Make(key.Contract, key.Entity)))
        {
            var value = rule.Property.Get!(item);
            if (rule.Documented is { } documented)
            {
                if (value is not string text)
                {
                    if (value is null && rule.Required)
                    {
                        return $"{rule.Property.Name} must not be null";
                    }

                    continue;
                }

                var spelled = documented.Values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
                if (spelled is null)
                {
                    return $"'{text}' for {rule.Property.Name}; allowed values: {string.Join(", ", documented.Values)}";
                }

                if (!ReferenceEquals(spelled, text))
                {
                    rule.Member.SetValue(item, spelled);
                }
            }
            else if (value is null && rule.Required)
            {
                return $"{rule.Property.Name} must not be null";
            }
        }

        return null;
    }

    // The properties with a rule, found once per contract: reading attributes and the store mapping for every item of
    // a 100,000-item load cost more than storing it.
    private static readonly ConcurrentDictionary<(JsonTypeInfo Contract, IEntityType? Entity), Rule[]> Rules = new();

    private static Rule[] Make(JsonTypeInfo contract, IEntityType? entity) =>
    [
        .. contract.Properties
            .Where(p => p.AttributeProvider is PropertyInfo && p.Get is not null)
            .Select(p =>
            {
                var member = (PropertyInfo)p.AttributeProvider!;
                return new Rule(p, member, member.GetCustomAttribute<DocumentedValuesAttribute>(), entity?.FindProperty(member.Name) is { IsNullable: false });
            })
            .Where(r => r.Documented is not null || r.Required),
    ];

    private sealed record Rule(JsonPropertyInfo Property, PropertyInfo Member, DocumentedValuesAttribute? Documented, bool Required);

    /// <summary>Words a deserialization failure by the JSON property it is about.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="contract">The item's JSON contract.</param>
    /// <returns>The problem.</returns>
    public static string Describe(JsonException exception, JsonTypeInfo contract)
    {
        var path = exception.Path ?? "$";
        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : null;
        var property = contract.Properties.FirstOrDefault(p => p.Name == name);
        if (property is null)
        {
            return $"the value at {path} is not valid";
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type.IsEnum && path == $"$.{name}"
            ? $"the value of {name} is not one of its allowed values: {string.Join(", ", Enum.GetNames(type))}"
            : $"the value of {name} (at {path}) has the wrong type or format";
    }
}
