using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.OData;

/// <summary>A page of an OData collection: <c>@odata.context</c>, optional <c>@odata.count</c>, <c>value</c>, optional <c>@odata.nextLink</c>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="ContextUrl">The <c>@odata.context</c> URL.</param>
/// <param name="Rows">The rows of the page.</param>
/// <param name="Count">The total matching rows, when <c>$count=true</c>.</param>
/// <param name="NextLink">The next page, when there is one.</param>
/// <param name="Select">The properties to write, or <see langword="null"/> for all.</param>
internal sealed record ODataCollectionResult<T>(string ContextUrl, IReadOnlyList<T> Rows, long? Count, string? NextLink, IReadOnlySet<string>? Select)
    : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => ODataJson.WriteAsync(httpContext, StatusCodes.Status200OK, async (writer, options) =>
    {
        writer.WriteString("@odata.context", ContextUrl);
        if (Count is { } count)
        {
            writer.WriteNumber("@odata.count", count);
        }

        writer.WriteStartArray("value");
        for (var i = 0; i < Rows.Count; i++)
        {
            ODataJson.WriteEntity(writer, Rows[i], options, Select);
            if (i % ODataJson.RowsPerFlush == ODataJson.RowsPerFlush - 1)
            {
                await ODataJson.FlushAsync(writer, httpContext);
            }
        }

        writer.WriteEndArray();
        if (NextLink is not null)
        {
            writer.WriteString("@odata.nextLink", NextLink);
        }
    });
}

/// <summary>One entity with its <c>@odata.context</c> first, e.g. <c>.../$metadata#Machines/$entity</c>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="ContextUrl">The <c>@odata.context</c> URL, or <see langword="null"/> where the page shows none.</param>
/// <param name="Entity">The entity.</param>
/// <param name="Status">The status code (200, or 201 for created actions).</param>
internal sealed record ODataEntityResult<T>(string? ContextUrl, T Entity, int Status = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => Status;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => ODataJson.WriteAsync(httpContext, Status, (writer, options) =>
    {
        if (ContextUrl is not null)
        {
            writer.WriteString("@odata.context", ContextUrl);
        }

        ODataJson.WriteProperties(writer, Entity, options, null);
        return ValueTask.CompletedTask;
    });
}

/// <summary>A primitive value answer, e.g. <c>{"@odata.context": ".../$metadata#Edm.String", "value": "..."}</c>.</summary>
/// <param name="ContextUrl">The <c>@odata.context</c> URL, or <see langword="null"/>.</param>
/// <param name="Value">The value.</param>
internal sealed record ODataValueResult(string? ContextUrl, string Value) : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => ODataJson.WriteAsync(httpContext, StatusCodes.Status200OK, (writer, _) =>
    {
        if (ContextUrl is not null)
        {
            writer.WriteString("@odata.context", ContextUrl);
        }

        writer.WriteString("value", Value);
        return ValueTask.CompletedTask;
    });
}

/// <summary>Builds OData answers in handlers.</summary>
internal static class ODataResults
{
    /// <summary>A whole (small, unpaged) collection, e.g. a machine's logon users.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="request">The request (for the context URL).</param>
    /// <param name="entitySet">The context fragment, e.g. <c>Users</c>.</param>
    /// <param name="rows">The rows.</param>
    public static ODataCollectionResult<T> Collection<T>(HttpRequest request, string entitySet, IReadOnlyList<T> rows) =>
        new(ODataLinks.Context(request, entitySet), rows, null, null, null);

    /// <summary>A single entity with <c>#EntitySet/$entity</c> context.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entitySet">The entity set, e.g. <c>Machines</c>.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="status">200, or 201 for a created resource.</param>
    public static ODataEntityResult<T> Entity<T>(HttpRequest request, string entitySet, T entity, int status = StatusCodes.Status200OK) =>
        new(ODataLinks.Context(request, $"{entitySet}/$entity"), entity, status);
}

/// <summary>Writes OData JSON with the API's serializer settings (camel case, enums as names).</summary>
internal static class ODataJson
{
    /// <summary>How many entities a page writes between flushes, so a 10,000-row page streams instead of piling up.</summary>
    public const int RowsPerFlush = 256;

    private static JsonSerializerOptions? _options;

    // The writer targets the response's PipeWriter as an IBufferWriter: its writes only fill buffers, and the
    // network is reached by the awaited FlushAsync calls. (A writer over BodyWriter.AsStream() flushes synchronously
    // once the pipe pushes back, blocking a pool thread per request: a 32-connection load starved the thread pool.)
    public static async Task WriteAsync(HttpContext context, int status, Func<Utf8JsonWriter, JsonSerializerOptions, ValueTask> write)
    {
        var options = Options(context.RequestServices);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            writer.WriteStartObject();
            await write(writer, options);
            writer.WriteEndObject();
            await FlushAsync(writer, context);
        }
    }

    /// <summary>The API's serializer options: the HTTP options with UTC instants and unescaped URLs.</summary>
    public static JsonSerializerOptions Options(IServiceProvider services) =>
        _options ??= ApiOptions(services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);

    /// <summary>Hands what the writer holds to the response and waits for the network to take it.</summary>
    public static async ValueTask FlushAsync(Utf8JsonWriter writer, HttpContext context)
    {
        writer.Flush();
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    // The service writes URLs unescaped ("+" and "&" as they are); the HTTP options already write instants with a Z.
    private static JsonSerializerOptions ApiOptions(JsonSerializerOptions http)
    {
        var options = new JsonSerializerOptions(http) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly();
        return options;
    }

    public static void WriteEntity<T>(Utf8JsonWriter writer, T entity, JsonSerializerOptions options, IReadOnlySet<string>? select)
    {
        if (select is null)
        {
            JsonSerializer.Serialize(writer, entity, options);
            return;
        }

        writer.WriteStartObject();
        WriteProperties(writer, entity, options, select);
        writer.WriteEndObject();
    }

    public static void WriteProperties<T>(Utf8JsonWriter writer, T entity, JsonSerializerOptions options, IReadOnlySet<string>? select)
    {
        using var document = JsonSerializer.SerializeToDocument(entity, options);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (select is null || select.Contains(property.Name))
            {
                property.WriteTo(writer);
            }
        }
    }
}
