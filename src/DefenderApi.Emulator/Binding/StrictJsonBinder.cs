using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Binding;

/// <summary>
/// Binds JSON bodies the way MDE documents it: property names are case-sensitive. Every problem is reported with
/// the documented code and the offending name or value, never as a 500.
/// </summary>
internal static class StrictJsonBinder
{
    /// <summary>The serializer options of request bodies: exact names, enums as names, unknown members refused.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Validates and deserializes a body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="utf8Json">The raw body.</param>
    /// <returns>The body.</returns>
    /// <exception cref="DefenderErrorException">The body is not a valid <typeparamref name="T"/>.</exception>
    public static T Bind<T>(ReadOnlySpan<byte> utf8Json)
        where T : class
    {
        var typeInfo = Options.GetTypeInfo(typeof(T));
        if (utf8Json.IsEmpty || utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            var firstRequired = typeInfo.Properties.FirstOrDefault(p => p.IsRequired);
            throw new DefenderErrorException(firstRequired is null
                ? DefenderErrors.InvalidRequestBody("the body is empty")
                : DefenderErrors.MissingParameter(firstRequired.Name));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody());
        }

        using (document)
        {
            JsonUnicode.Demand(document.RootElement);
            JsonBodyValidator.Validate(document.RootElement, typeInfo, path: string.Empty);
            try
            {
                return (T)(document.RootElement.Deserialize(typeInfo)
                    ?? throw new DefenderErrorException(DefenderErrors.InvalidRequestBody("the body is null")));
            }
            catch (JsonException ex)
            {
                // The validator accepts only what deserializes; this is a safety net naming the JSON path.
                throw new DefenderErrorException(DefenderErrors.InvalidInput($"at {ex.Path ?? "$"}"), ex);
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
