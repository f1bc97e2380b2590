using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// The one wire format of instants: UTC with a <c>Z</c> and up to seven fractional digits, as every example of the
/// API reference shows them (e.g. <c>2019-01-02T14:39:38.2262283Z</c>). Every JSON answer and every error message
/// that names an instant uses it.
/// </summary>
internal static class UtcInstant
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Formats an instant in UTC with a <c>Z</c>.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text, e.g. <c>2021-01-26T20:33:58.42Z</c>.</returns>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}

/// <summary>Writes <see cref="DateTimeOffset"/> as <see cref="UtcInstant.Format"/> does; reads any ISO 8601 instant.</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(UtcInstant.Format(value));
    }
}
