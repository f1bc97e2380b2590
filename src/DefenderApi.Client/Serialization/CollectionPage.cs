using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Client.Serialization;

/// <summary>
/// One page of a collection answer, read in a single pass: an OData page (<c>{"value": [...], "@odata.nextLink": ...}</c>)
/// or a bare JSON array (some related-entity endpoints answer one). Reading the page into a document first and
/// then each item out of it cost a sixth of a typed-client call.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[JsonConverter(typeof(CollectionPageConverterFactory))]
internal sealed class CollectionPage<T>
{
    /// <summary>The items.</summary>
    public List<T> Items { get; set; } = [];

    /// <summary>The next page's link, or <see langword="null"/> on the last page.</summary>
    public string? NextLink { get; set; }
}

/// <summary>Creates the reader of <see cref="CollectionPage{T}"/> for each item type.</summary>
internal sealed class CollectionPageConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(CollectionPage<>);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(CollectionPageConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>Reads a <see cref="CollectionPage{T}"/>; pages are never written.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class CollectionPageConverter<T> : JsonConverter<CollectionPage<T>>
{
    /// <inheritdoc />
    public override CollectionPage<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var page = new CollectionPage<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            page.Items = JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];
            return page;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A collection answer is neither an object nor an array.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                page.Items = JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];
            }
            else if (reader.ValueTextEquals("@odata.nextLink"u8))
            {
                reader.Read();
                page.NextLink = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return page;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CollectionPage<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Collection pages are only read.");
}
