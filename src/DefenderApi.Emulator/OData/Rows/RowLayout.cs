using System.Globalization;
using System.Text.Json;
using DefenderApi.Emulator.Persistence.Rows;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// Writes an entity's JSON straight from its stored row: the same names, order and value formats the serializer
/// gives the materialized entity (proved per entity type by RowLayoutTests), without creating the entity.
/// </summary>
/// <param name="properties">The serialized properties, in the serializer's order.</param>
internal sealed class RowLayout(IReadOnlyList<RowProperty> properties)
{
    /// <summary>The serialized properties, in order.</summary>
    public IReadOnlyList<RowProperty> Properties { get; } = properties;

    /// <summary>Finds each property's column in the cursor's result.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The column positions by property, or <see langword="null"/> when the SQL lacks one.</returns>
    public int[]? MapColumns(SqliteQueryCursor cursor) => cursor.Prepared.ColumnMap(this, Map);

    private int[]? Map(string[] names)
    {
        var columns = new int[Properties.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            if (Properties[i].Column is not { } column)
            {
                columns[i] = -1;
                continue;
            }

            columns[i] = Array.IndexOf(names, column);
            if (columns[i] < 0)
            {
                return null;
            }
        }

        return columns;
    }

    /// <summary>Writes the cursor's current row as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="cursor">The cursor, on a row.</param>
    /// <param name="columns">The positions from <see cref="MapColumns"/>.</param>
    /// <param name="select">The properties to write, or <see langword="null"/> for all.</param>
    public void WriteRow(Utf8JsonWriter writer, SqliteQueryCursor cursor, int[] columns, IReadOnlySet<string>? select)
    {
        writer.WriteStartObject();
        WriteProperties(writer, cursor, columns, select);
        writer.WriteEndObject();
    }

    /// <summary>Writes the cursor's current row as properties of the object the writer is in.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="cursor">The cursor, on a row.</param>
    /// <param name="columns">The positions from <see cref="MapColumns"/>.</param>
    /// <param name="select">The properties to write, or <see langword="null"/> for all.</param>
    public void WriteProperties(Utf8JsonWriter writer, SqliteQueryCursor cursor, int[] columns, IReadOnlySet<string>? select)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var property = Properties[i];
            if (select is not null && !select.Contains(property.Name))
            {
                continue;
            }

            var column = columns[i];
            if (column < 0)
            {
                writer.WriteStartArray(property.EncodedName);
                writer.WriteEndArray();
                continue;
            }

            if (property.Nullable && cursor.IsNull(column))
            {
                if (!property.SkipNull)
                {
                    writer.WriteNull(property.EncodedName);
                }

                continue;
            }

            WriteValue(writer, property, cursor, column);
        }
    }

    /// <summary>The position of the property named <paramref name="name"/> (its JSON name).</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>The position in <see cref="Properties"/>.</returns>
    /// <exception cref="ArgumentException">No such property.</exception>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"The entity has no property '{name}'.", nameof(name));
    }

    private static void WriteValue(Utf8JsonWriter writer, RowProperty property, SqliteQueryCursor cursor, int column)
    {
        var name = property.EncodedName;
        switch (property.Format)
        {
            case ColumnFormat.Text:
                writer.WriteString(name, cursor.Bytes(column));
                break;
            case ColumnFormat.Integer:
                writer.WriteNumber(name, cursor.Int64(column));
                break;
            case ColumnFormat.Real:
                writer.WriteNumber(name, cursor.Double(column));
                break;
            case ColumnFormat.Single:
                writer.WriteNumber(name, (float)cursor.Double(column));
                break;
            case ColumnFormat.Boolean:
                writer.WriteBoolean(name, cursor.Int64(column) != 0);
                break;
            case ColumnFormat.UtcTicks:
                WriteInstant(writer, name, cursor.Int64(column));
                break;
            case ColumnFormat.Guid:
                writer.WriteString(name, ReadGuid(cursor.Bytes(column)));
                break;
            case ColumnFormat.EnumName:
                WriteEnum(writer, name, property.EnumNames!, cursor.Int64(column));
                break;
            case ColumnFormat.Json:
                writer.WritePropertyName(name);
                StoredJson.Copy(cursor.Bytes(column), writer);
                break;
            case ColumnFormat.OwnedJson:
                writer.WritePropertyName(name);
                StoredJson.CopyOwned(cursor.Bytes(column), property.Owned!, writer);
                break;
            default:
                throw new InvalidOperationException($"The column format {property.Format} has no value to read.");
        }
    }

    private static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, long ticks)
    {
        Span<byte> text = stackalloc byte[Utf8Instant.MaxLength];
        writer.WriteString(name, text[..Utf8Instant.Format(ticks, text)]);
    }

    /// <summary>A GUID as EF Core stores it (upper-case text, or 16 bytes); the serializer writes it in lower case.</summary>
    internal static Guid ReadGuid(ReadOnlySpan<byte> stored) =>
        stored.Length == 16 ? new Guid(stored)
        : System.Buffers.Text.Utf8Parser.TryParse(stored, out Guid id, out _) ? id
        : throw new FormatException($"A stored GUID is malformed: {System.Text.Encoding.UTF8.GetString(stored)}.");

    private static void WriteEnum(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<long, string> names, long value)
    {
        if (names.TryGetValue(value, out var text))
        {
            writer.WriteString(name, text);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }
}
