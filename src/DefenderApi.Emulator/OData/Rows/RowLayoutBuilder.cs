using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// Matches an entity's serialized properties (System.Text.Json's view: names, order) with its EF Core columns
/// (storage: column names, value converters). Any property whose stored form it cannot turn into exactly what the
/// serializer writes makes the whole entity type unsupported, and its answers keep the materializing path.
/// </summary>
internal static class RowLayoutBuilder
{
    /// <summary>Builds the layout of <paramref name="entity"/>, or <see langword="null"/> when a property is unsupported.</summary>
    /// <param name="entity">The EF Core entity type.</param>
    /// <param name="options">The API's serializer options.</param>
    /// <returns>The layout, or <see langword="null"/>.</returns>
    public static RowLayout? TryBuild(IEntityType entity, JsonSerializerOptions options)
    {
        if (options.DefaultIgnoreCondition != JsonIgnoreCondition.Never)
        {
            return null;
        }

        var properties = new List<RowProperty>();
        foreach (var json in options.GetTypeInfo(entity.ClrType).Properties)
        {
            if (json.Get is null)
            {
                continue;
            }

            if (json.AttributeProvider is not PropertyInfo member || json.CustomConverter is not null)
            {
                return null;
            }

            var ignore = member.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition;
            if (ignore == JsonIgnoreCondition.Always)
            {
                continue;
            }

            if (ignore is JsonIgnoreCondition.WhenWritingDefault)
            {
                return null; // would need the CLR default of every such property
            }

            var property = entity.FindProperty(member.Name) is { } scalar
                ? Scalar(json.Name, scalar) is { } column ? column with { Nullable = scalar.IsColumnNullable() } : null
                : entity.FindNavigation(member.Name) is { } navigation
                    ? Navigation(json.Name, member, navigation, options)
                    : null;
            if (property is null)
            {
                return null;
            }

            properties.Add(property with { SkipNull = ignore == JsonIgnoreCondition.WhenWritingNull });
        }

        return new RowLayout(properties);
    }

    private static RowProperty? Scalar(string name, IProperty property)
    {
        var column = property.GetColumnName();
        var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var converter = property.GetTypeMapping().Converter;
        if (property.IsPrimitiveCollection)
        {
            var element = property.GetElementType()!;
            return element.GetTypeMapping().Converter is null && (element.ClrType == typeof(string) || IsInteger(element.ClrType))
                ? new RowProperty(name, column, ColumnFormat.Json)
                : null;
        }

        return converter switch
        {
            UtcTicksConverter => new RowProperty(name, column, ColumnFormat.UtcTicks),
            not null when IsEnumByName(property, converter) => new RowProperty(name, column, ColumnFormat.Text),
            not null => null,
            null when clr == typeof(string) => new RowProperty(name, column, ColumnFormat.Text),
            null when clr == typeof(bool) => new RowProperty(name, column, ColumnFormat.Boolean),
            null when clr == typeof(Guid) => new RowProperty(name, column, ColumnFormat.Guid),
            null when clr == typeof(double) => new RowProperty(name, column, ColumnFormat.Real),
            null when clr == typeof(float) => new RowProperty(name, column, ColumnFormat.Single),
            null when IsInteger(clr) => new RowProperty(name, column, ColumnFormat.Integer),
            null when clr.IsEnum && !clr.IsDefined(typeof(FlagsAttribute)) =>
                new RowProperty(name, column, ColumnFormat.EnumName) { EnumNames = EnumNames(clr) },
            _ => null,
        };
    }

    private static RowProperty? Navigation(string name, PropertyInfo member, INavigation navigation, JsonSerializerOptions options)
    {
        if (navigation.TargetEntityType.IsMappedToJson())
        {
            return Owned(name, navigation.TargetEntityType, navigation.IsCollection, options);
        }

        // A navigation to another table is only filled by an explicit Include ($expand, which keeps the
        // materializing path); unloaded, the serializer writes what a new entity holds, which must be an empty list.
        var fresh = member.GetValue(Activator.CreateInstance(member.DeclaringType!));
        return navigation.IsCollection && fresh is System.Collections.ICollection { Count: 0 }
            ? new RowProperty(name, null, ColumnFormat.EmptyArray)
            : null;
    }

    private static RowProperty? Owned(string name, IEntityType owned, bool isCollection, JsonSerializerOptions options)
    {
        var stored = new List<byte[]>();
        var names = new List<JsonEncodedText>();
        var instants = new List<bool>();
        foreach (var json in options.GetTypeInfo(owned.ClrType).Properties)
        {
            if (json.Get is null)
            {
                continue;
            }

            if (json.AttributeProvider is not PropertyInfo member || json.CustomConverter is not null
                || member.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: not JsonIgnoreCondition.Never } || owned.FindProperty(member.Name) is not { } property
                || OwnedFormat(property) is not { } instant)
            {
                return null;
            }

            stored.Add(Encoding.UTF8.GetBytes(property.GetJsonPropertyName()!));
            names.Add(JsonEncodedText.Encode(json.Name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
            instants.Add(instant);
        }

        return new RowProperty(name, owned.GetContainerColumnName()!, ColumnFormat.OwnedJson)
        {
            Owned = new OwnedJsonShape([.. stored], [.. names], [.. instants], isCollection),
        };
    }

    // true: an instant stored as UTC ticks; false: a value the stored JSON already holds as the API writes it
    // (strings, enums stored by name, numbers, booleans); null: anything else.
    private static bool? OwnedFormat(IProperty property) => property.GetTypeMapping().Converter switch
    {
        UtcTicksConverter => true,
        null when IsPlainJson(property.ClrType) => false,
        { } converter when IsEnumByName(property, converter) => false,
        _ => null,
    };

    private static bool IsEnumByName(IProperty property, ValueConverter converter) =>
        (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum && converter.ProviderClrType == typeof(string)
        && converter.GetType().IsGenericType && converter.GetType().GetGenericTypeDefinition() == typeof(EnumToStringConverter<>);

    private static bool IsPlainJson(Type type)
    {
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        return clr == typeof(string) || clr == typeof(bool) || clr == typeof(double) || IsInteger(clr);
    }

    private static bool IsInteger(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte);

    private static Dictionary<long, string> EnumNames(Type type) =>
        Enum.GetValuesAsUnderlyingType(type).Cast<object>().Zip(Enum.GetNames(type))
            .DistinctBy(pair => Convert.ToInt64(pair.First, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(pair => Convert.ToInt64(pair.First, System.Globalization.CultureInfo.InvariantCulture), pair => pair.Second);
}
