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
        foreach (var property in contract.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo member || property.Get is null)
            {
                continue;
            }

            var value = property.Get(item);
            if (value is string text && member.GetCustomAttribute<DocumentedValuesAttribute>() is { } documented)
            {
                var spelled = documented.Values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
                if (spelled is null)
                {
                    return $"'{text}' for {property.Name}; allowed values: {string.Join(", ", documented.Values)}";
                }

                member.SetValue(item, spelled);
            }
            else if (value is null && entity?.FindProperty(member.Name) is { IsNullable: false })
            {
                return $"{property.Name} must not be null";
            }
        }

        return null;
    }

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
