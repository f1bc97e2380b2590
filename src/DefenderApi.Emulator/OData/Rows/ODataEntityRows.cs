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
    /// <param name="query">The rows the caller may see, filtered to the id.</param>
    /// <param name="entitySet">The entity set, e.g. <c>Alerts</c>.</param>
    /// <param name="entity">The entity name in the 404 message, e.g. <c>Alert</c>.</param>
    /// <param name="id">The id asked for.</param>
    public async Task<IResult> GetAsync<T>(HttpContext context, IQueryable<T> query, string entitySet, string entity, string id, CancellationToken cancellationToken)
        where T : class =>
        Answer(context, await FindAsync(context, query, cancellationToken), entitySet, entity, id);

    /// <summary>As <see cref="GetAsync{T}(HttpContext, IQueryable{T}, string, string, string, CancellationToken)"/>, for a query of every row of the tenant by key.</summary>
    /// <typeparam name="T">An entity type whose rows <see cref="RowLayoutBuilder"/> supports.</typeparam>
    /// <param name="query">The query by key.</param>
    /// <param name="entitySet">The entity set, e.g. <c>Alerts</c>.</param>
    /// <param name="entity">The entity name in the 404 message, e.g. <c>Alert</c>.</param>
    /// <param name="id">The id asked for (the key).</param>
    public async Task<IResult> GetAsync<T>(HttpContext context, RowQuery<T> query, string entitySet, string entity, string id)
        where T : class =>
        Answer(context, await FindAsync(context, query, id), entitySet, entity, id);

    /// <summary>The first row of <paramref name="query"/>, or <see langword="null"/> when it has none.</summary>
    /// <typeparam name="T">An entity type whose rows <see cref="RowLayoutBuilder"/> supports.</typeparam>
    /// <param name="context">The exchange (its request scope's context runs the query).</param>
    /// <param name="query">The query, a query of the request's <see cref="EmulatorDbContext"/>.</param>
    /// <returns>The row, as an answer that writes it.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/>'s rows are not supported.</exception>
    public Task<ODataRowEntity?> FindAsync<T>(HttpContext context, IQueryable<T> query, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        return FirstRowAsync<T>(context, SqliteQueryCursor.Open(query.Take(1), location));
    }

    /// <summary>The row of <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    /// <typeparam name="T">An entity type whose rows <see cref="RowLayoutBuilder"/> supports.</typeparam>
    /// <param name="context">The exchange (its request scope's context gives the tenant).</param>
    /// <param name="query">The query by key.</param>
    /// <param name="key">The key.</param>
    /// <returns>The row, as an answer that writes it.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/>'s rows are not supported.</exception>
    public Task<ODataRowEntity?> FindAsync<T>(HttpContext context, RowQuery<T> query, string key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var db = context.RequestServices.GetRequiredService<EmulatorDbContext>();
        return FirstRowAsync<T>(context, SqliteQueryCursor.Open(query.For(db), key, location));
    }

    private static IResult Answer(HttpContext context, ODataRowEntity? row, string entitySet, string entity, string id) =>
        row is not null
            ? row.WithContext(ODataLinks.Context(context.Request, $"{entitySet}/$entity"))
            : DefenderApi.Errors.DefenderErrors.ResourceNotFound(entity, id).ToResult();

    private async Task<ODataRowEntity?> FirstRowAsync<T>(HttpContext context, SqliteQueryCursor cursor)
    {
        var db = context.RequestServices.GetRequiredService<EmulatorDbContext>();
        var layout = layouts.For(db.Model.FindEntityType(typeof(T))!);
        var columns = layout?.MapColumns(cursor);
        if (columns is null || !cursor.Read())
        {
            await cursor.DisposeAsync();
            return layout is null ? throw new InvalidOperationException($"{typeof(T).Name} rows cannot be written without materializing them.")
                : columns is null ? throw new InvalidOperationException($"The {typeof(T).Name} query does not select every column.")
                : null;
        }

        // Closed by the answer once written; this covers a request that ends without writing it.
        context.Response.RegisterForDisposeAsync(cursor);
        return new ODataRowEntity(layout!, cursor, columns);
    }
}
