using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>Finds single entities as rows (see <see cref="RowLayout"/>), for GET-by-key answers.</summary>
internal sealed class ODataEntityRows(RowLayouts layouts, DatabaseLocation location)
{
    /// <summary>
    /// The answer to <c>GET /api/{entitySet}/{id}</c>: the first row of <paramref name="query"/> with its
    /// <c>#{entitySet}/$entity</c> context, or 404 <c>ResourceNotFound</c> naming <paramref name="entity"/> and
    /// <paramref name="id"/> (answered, not thrown: the commonest error a poller sees).
    /// </summary>
    /// <typeparam name="T">An entity type whose rows <see cref="RowLayoutBuilder"/> supports.</typeparam>
    /// <param name="context">The exchange.</param>
    /// <param name="query">The rows the caller may see, filtered to the id.</param>
    /// <param name="entitySet">The entity set, e.g. <c>Alerts</c>.</param>
    /// <param name="entity">The entity name in the 404 message, e.g. <c>Alert</c>.</param>
    /// <param name="id">The id asked for.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The answer.</returns>
    public async Task<IResult> GetAsync<T>(HttpContext context, IQueryable<T> query, string entitySet, string entity, string id, CancellationToken cancellationToken)
        where T : class =>
        await FindAsync(context, query, cancellationToken) is { } row
            ? row.WithContext(ODataLinks.Context(context.Request, $"{entitySet}/$entity"))
            : DefenderApi.Errors.DefenderErrors.ResourceNotFound(entity, id).ToResult();

    /// <summary>The first row of <paramref name="query"/>, or <see langword="null"/> when it has none.</summary>
    /// <typeparam name="T">An entity type whose rows <see cref="RowLayoutBuilder"/> supports.</typeparam>
    /// <param name="context">The exchange (its request scope's context runs the query).</param>
    /// <param name="query">The query, a query of the request's <see cref="EmulatorDbContext"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The row, as an answer that writes it.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/>'s rows are not supported.</exception>
    public async Task<ODataRowEntity?> FindAsync<T>(HttpContext context, IQueryable<T> query, CancellationToken cancellationToken)
        where T : class
    {
        var db = context.RequestServices.GetRequiredService<EmulatorDbContext>();
        var layout = layouts.For(db.Model.FindEntityType(typeof(T))!)
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows cannot be written without materializing them.");
        var cursor = SqliteQueryCursor.Open(query.Take(1), location);
        var columns = layout.MapColumns(cursor);
        if (columns is null || !cursor.Read())
        {
            await cursor.DisposeAsync();
            return columns is null ? throw new InvalidOperationException($"The {typeof(T).Name} query does not select every column.") : null;
        }

        // Closed by the answer once written; this covers a request that ends without writing it.
        context.Response.RegisterForDisposeAsync(cursor);
        return new ODataRowEntity(layout, cursor, columns);
    }
}
