using System.Text.Json;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// Copies JSON that EF Core stored in a column into the answer: strings are re-encoded by the answer's writer (so
/// escaping matches what the serializer writes), owned objects get the API's property names in the API's order.
/// </summary>
internal static class StoredJson
{
    /// <summary>Copies a stored JSON value (a collection of strings or numbers).</summary>
    /// <param name="stored">The column's UTF-8 JSON.</param>
    /// <param name="writer">The answer's writer, after the property name.</param>
    public static void Copy(ReadOnlySpan<byte> stored, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(stored);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                default:
                    WritePrimitive(ref reader, writer);
                    break;
            }
        }
    }

    /// <summary>Copies stored owned objects (one, or an array), renaming and reordering their properties.</summary>
    /// <param name="stored">The column's UTF-8 JSON.</param>
    /// <param name="shape">The owned objects' stored and API names.</param>
    /// <param name="writer">The answer's writer, after the property name.</param>
    public static void CopyOwned(ReadOnlySpan<byte> stored, OwnedJsonShape shape, Utf8JsonWriter writer)
    {
        Span<int> starts = stackalloc int[shape.Names.Length];
        var reader = new Utf8JsonReader(stored);
        reader.Read();
        if (!shape.IsCollection)
        {
            CopyObject(stored, ref reader, shape, starts, writer);
            return;
        }

        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            CopyObject(stored, ref reader, shape, starts, writer);
        }

        writer.WriteEndArray();
    }

    // The reader is on the object's StartObject and ends on its EndObject.
    private static void CopyObject(ReadOnlySpan<byte> stored, ref Utf8JsonReader reader, OwnedJsonShape shape, scoped Span<int> starts, Utf8JsonWriter writer)
    {
        starts.Fill(-1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var position = Find(shape.StoredNames, ref reader);
            reader.Read();
            if (position >= 0)
            {
                starts[position] = checked((int)reader.TokenStartIndex);
            }

            reader.Skip();
        }

        Span<byte> text = stackalloc byte[Utf8Instant.MaxLength];
        writer.WriteStartObject();
        for (var i = 0; i < starts.Length; i++)
        {
            writer.WritePropertyName(shape.Names[i]);
            if (starts[i] < 0)
            {
                writer.WriteNullValue();
                continue;
            }

            var value = new Utf8JsonReader(stored[starts[i]..]);
            value.Read();
            if (shape.Instants[i] && value.TokenType == JsonTokenType.Number)
            {
                writer.WriteStringValue(text[..Utf8Instant.Format(value.GetInt64(), text)]);
            }
            else
            {
                WritePrimitive(ref value, writer);
            }
        }

        writer.WriteEndObject();
    }

    private static int Find(byte[][] names, ref Utf8JsonReader reader)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WritePrimitive(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueIsEscaped:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.ValueSpan);
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.GetBoolean());
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
            default:
                throw new JsonException($"A stored JSON value of kind {reader.TokenType} cannot be copied.");
        }
    }
}
