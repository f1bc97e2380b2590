using System.Text.Json;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Binding;

/// <summary>
/// Refuses a parsed body that holds text no .NET string can carry: a lone UTF-16 surrogate written as a <c>\uD800</c>
/// escape, or bytes that are not UTF-8. The parser accepts both; reading such a value later throws deep inside
/// whatever reads it (a validator describing the value, the deserializer, a loader). Checked once, right after
/// parsing, every later reader can rely on every string decoding.
/// </summary>
internal static class JsonUnicode
{
    /// <summary>Throws <c>InvalidRequestBody</c> naming the first value or property name that does not decode.</summary>
    /// <param name="root">The parsed body.</param>
    /// <exception cref="DefenderErrorException">A string does not decode.</exception>
    public static void Demand(JsonElement root)
    {
        if (FirstInvalid(root, "$") is { } path)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody($"the text at {path} is not valid Unicode"));
        }
    }

    private static string? FirstInvalid(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => element.GetString()) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string? name = null;
                    if (!Decodes(() => name = property.Name))
                    {
                        return $"a property name of {path}";
                    }

                    if (FirstInvalid(property.Value, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json's answer to an escape or byte sequence that is not a Unicode scalar value.
            return false;
        }
    }
}
