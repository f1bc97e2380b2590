using DefenderApi.Emulator.Persistence.Rows;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// One entity found by <see cref="ODataEntityRows.FindAsync{T}"/>, still a row under an open cursor: the handler can
/// read a stored value (e.g. its device group) before answering, and the answer writes the row without materializing
/// it. The cursor closes when the answer is written, or with the request.
/// </summary>
internal sealed class ODataRowEntity : IResult, IStatusCodeHttpResult
{
    private readonly RowLayout _layout;
    private readonly SqliteQueryCursor _cursor;
    private readonly int[] _columns;

    internal ODataRowEntity(RowLayout layout, SqliteQueryCursor cursor, int[] columns)
    {
        _layout = layout;
        _cursor = cursor;
        _columns = columns;
    }

    /// <summary>The <c>@odata.context</c> URL to write first, or <see langword="null"/> for none.</summary>
    public string? ContextUrl { get; init; }

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>A stored integer property (by JSON name), or <see langword="null"/> when NULL.</summary>
    /// <param name="name">The JSON name, e.g. <c>rbacGroupId</c>.</param>
    public long? Int64(string name)
    {
        var column = _columns[_layout.IndexOf(name)];
        return _cursor.IsNull(column) ? null : _cursor.Int64(column);
    }

    /// <summary>Returns a copy that writes <paramref name="contextUrl"/> first.</summary>
    /// <param name="contextUrl">The <c>@odata.context</c> URL.</param>
    public ODataRowEntity WithContext(string contextUrl) => new(_layout, _cursor, _columns) { ContextUrl = contextUrl };

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            await ODataJson.WriteAsync(httpContext, StatusCodes.Status200OK, (writer, _) =>
            {
                if (ContextUrl is not null)
                {
                    writer.WriteString("@odata.context", ContextUrl);
                }

                _layout.WriteProperties(writer, _cursor, _columns, null);
                return ValueTask.CompletedTask;
            });
        }
        finally
        {
            await _cursor.DisposeAsync();
        }
    }
}
