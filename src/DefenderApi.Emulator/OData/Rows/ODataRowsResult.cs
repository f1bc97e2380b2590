using DefenderApi.Emulator.Persistence.Rows;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// A page of an OData collection written from the rows SQLite returns, without materializing entities: the query
/// runs when the answer is written, rows stream into the response, and the connection closes when it is done.
/// </summary>
/// <param name="Layout">How a row becomes the entity's JSON.</param>
/// <param name="Location">The database.</param>
/// <param name="Rows">The page query, asking for one row more than <paramref name="Take"/>.</param>
/// <param name="Take">The rows the page holds.</param>
internal sealed record ODataRowsResult(RowLayout Layout, DatabaseLocation Location, IQueryable Rows, int Take) : IResult, IStatusCodeHttpResult
{
    /// <summary>The <c>@odata.context</c> URL.</summary>
    public required string ContextUrl { get; init; }

    /// <summary>The total matching rows, when <c>$count=true</c>.</summary>
    public long? Count { get; init; }

    /// <summary>The properties to write, or <see langword="null"/> for all.</summary>
    public IReadOnlySet<string>? Select { get; init; }

    /// <summary>The next page's link when the query has more rows than <see cref="Take"/>, given the last row's key; or <see langword="null"/>.</summary>
    public required Func<string?, string?> NextLink { get; init; }

    /// <summary>The layout property holding the stable key (read from the page's last row for the next link), or -1.</summary>
    public int KeyProperty { get; init; } = -1;

    /// <summary>What to answer instead of an empty page, if anything (see <see cref="ODataCollectionQuery.ListAsync{T}"/>).</summary>
    public Func<CancellationToken, Task<IResult?>>? WhenEmpty { get; init; }

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        SqliteQueryCursor? cursor = SqliteQueryCursor.Open(Rows, Location);
        try
        {
            var columns = Layout.MapColumns(cursor)
                ?? throw new InvalidOperationException($"The query for {ContextUrl} does not select every column of its entity.");
            if (!cursor.Read())
            {
                await cursor.DisposeAsync();
                cursor = null;
                if (WhenEmpty is not null && await WhenEmpty(httpContext.RequestAborted) is { } instead)
                {
                    await instead.ExecuteAsync(httpContext);
                    return;
                }
            }

            await ODataJson.WriteAsync(httpContext, StatusCodes.Status200OK, (writer, _) => WritePageAsync(writer, httpContext, cursor, columns));
        }
        finally
        {
            if (cursor is not null)
            {
                await cursor.DisposeAsync();
            }
        }
    }

    private async ValueTask WritePageAsync(System.Text.Json.Utf8JsonWriter writer, HttpContext httpContext, SqliteQueryCursor? cursor, int[] columns)
    {
        writer.WriteString("@odata.context", ContextUrl);
        if (Count is { } count)
        {
            writer.WriteNumber("@odata.count", count);
        }

        writer.WriteStartArray("value");
        var more = false;
        string? lastKey = null;
        if (cursor is not null)
        {
            var written = 0;
            do
            {
                if (written == Take)
                {
                    more = true;
                    break;
                }

                Layout.WriteRow(writer, cursor, columns, Select);
                if (++written == Take && KeyProperty >= 0 && columns[KeyProperty] >= 0)
                {
                    lastKey = System.Text.Encoding.UTF8.GetString(cursor.Bytes(columns[KeyProperty]));
                }

                if (written % ODataJson.RowsPerFlush == 0)
                {
                    await ODataJson.FlushAsync(writer, httpContext);
                }
            }
            while (cursor.Read());
        }

        writer.WriteEndArray();
        if (more && NextLink(lastKey) is { } next)
        {
            writer.WriteString("@odata.nextLink", next);
        }
    }
}
