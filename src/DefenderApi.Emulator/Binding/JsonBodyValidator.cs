using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Binding;

/// <summary>Walks a JSON body against the target type's contract and reports the first problem precisely.</summary>
internal static class JsonBodyValidator
{
    // Values are quoted back to the caller; a long one is cut so that the message stays a message.
    private const int MaxDescribedLength = 100;

    public static void Validate(JsonElement element, JsonTypeInfo typeInfo, string path)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            ValidateValue(element, typeInfo.Type, path);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(DefenderErrors.InvalidRequestBody(path.Length == 0 ? "expected a JSON object" : $"'{path}' must be a JSON object"));
        }

        var expected = typeInfo.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = Join(path, property.Name);
            if (!expected.TryGetValue(property.Name, out var contract))
            {
                var caseMatch = expected.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                throw Fail(DefenderErrors.InvalidRequestBody(caseMatch is null
                    ? $"unknown parameter '{name}'"
                    : $"parameter '{name}' has the wrong case; parameter names are case-sensitive, expected '{Join(path, caseMatch)}'"));
            }

            seen.Add(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (contract.IsRequired)
                {
                    throw Fail(DefenderErrors.MissingParameter(name));
                }

                continue;
            }

            ValidateValue(property.Value, contract.PropertyType, name);
        }

        var missing = typeInfo.Properties.FirstOrDefault(p => p.IsRequired && !seen.Contains(p.Name));
        if (missing is not null)
        {
            throw Fail(DefenderErrors.MissingParameter(Join(path, missing.Name)));
        }
    }

    private static void ValidateValue(JsonElement value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (target.IsEnum)
        {
            if (value.ValueKind != JsonValueKind.String || !IsDefinedName(target, value.GetString()!))
            {
                throw Fail(DefenderErrors.InvalidInput($"{Describe(value)} for {name}; allowed values: {string.Join(", ", Enum.GetNames(target))}"));
            }

            return;
        }

        var ok = Type.GetTypeCode(target) switch
        {
            TypeCode.String => value.ValueKind == JsonValueKind.String,
            TypeCode.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            TypeCode.Int32 => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            TypeCode.Int64 => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            TypeCode.Double or TypeCode.Decimal or TypeCode.Single => value.ValueKind == JsonValueKind.Number,
            TypeCode.DateTime => value.ValueKind == JsonValueKind.String && value.TryGetDateTime(out _),
            _ => ValidateComposite(value, target, name),
        };

        if (!ok)
        {
            throw Fail(DefenderErrors.InvalidInput($"{Describe(value)} for {name}; expected {Expected(target)}"));
        }
    }

    private static bool ValidateComposite(JsonElement value, Type type, string name)
    {
        if (type == typeof(DateTimeOffset))
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out _);
        }

        if (type == typeof(Guid))
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetGuid(out _);
        }

        if (type == typeof(JsonElement))
        {
            return true;
        }

        var typeInfo = StrictJsonBinder.Options.GetTypeInfo(type);
        if (typeInfo.Kind == JsonTypeInfoKind.Enumerable && typeInfo.ElementType is { } elementType)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemName = $"{name}[{index++}]";
                if (item.ValueKind == JsonValueKind.Null && Nullable.GetUnderlyingType(elementType) is null)
                {
                    // A list item is never optional: handlers (and the deserializer's non-null contract) rely on it.
                    throw Fail(DefenderErrors.InvalidInput($"null for {itemName}; expected {Expected(elementType)}"));
                }

                ValidateValue(item, elementType, itemName);
            }

            return true;
        }

        if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            Validate(value, typeInfo, name);
            return true;
        }

        return true;
    }

    private static bool IsDefinedName(Type enumType, string name) =>
        Enum.GetNames(enumType).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String => "a string",
        TypeCode.Boolean => "true or false",
        TypeCode.Int32 or TypeCode.Int64 => "an integer",
        TypeCode.Double or TypeCode.Decimal or TypeCode.Single => "a number",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time",
        _ when type == typeof(Guid) => "a GUID",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when StrictJsonBinder.Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object => "an object",
        _ => "an array",
    };

    private static string Describe(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? $"'{Cut(value.GetString()!)}'"
        : value.GetRawText().Length > 64 ? value.ValueKind.ToString() : value.GetRawText();

    private static string Cut(string text) => text.Length <= MaxDescribedLength ? text : $"{text[..MaxDescribedLength]}…";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static DefenderErrorException Fail(DefenderError error) => new(error);
}
