using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Client.Serialization;

/// <summary>
/// Reads a property documented as a string that the service's examples send as a number (e.g. <c>rbacGroupId</c>).
/// </summary>
public sealed class StringOrNumberConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
