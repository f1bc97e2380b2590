using System.Linq.Expressions;
using DefenderApi.Emulator.OData.Rows;
using DefenderApi.Emulator.Persistence;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// Answers a documented OData collection: parses and checks the query options, binds <c>$filter</c>/<c>$orderby</c>
/// to LINQ with the library's binders so EF Core runs them in SQL, pages at the policy's page size with
/// <c>@odata.nextLink</c>, and writes <c>{"@odata.context": ..., "value": [...]}</c>.
/// </summary>
public sealed class ODataCollectionQuery
{
    private readonly EmulatorEdmModel edm;
    private readonly RowLayouts layouts;
    private readonly DatabaseLocation location;

    internal ODataCollectionQuery(EmulatorEdmModel edm, RowLayouts layouts, DatabaseLocation location)
    {
        this.edm = edm;
        this.layouts = layouts;
        this.location = location;
    }

    // EF Core translates plain member access; null propagation would add CASE expressions SQL does not need.
    private static readonly ODataQuerySettings BinderSettings = new() { HandleNullPropagation = HandleNullPropagationOption.False };

    /// <summary>Runs the request's query options over <paramref name="source"/> and returns the page as a result.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="context">The exchange (its query string holds the options).</param>
    /// <param name="source">The rows the caller may see (already tenant-filtered), a query of the request's context.</param>
    /// <param name="policy">What the collection accepts.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="whenEmpty">What to answer instead of an empty page, if anything (e.g. a 404 for an empty tenant).</param>
    /// <returns>The page, or throws a 400 <c>ODataError</c> for a refused option.</returns>
    public async Task<IResult> ListAsync<T>(HttpContext context, IQueryable<T> source, ODataCollectionPolicy<T> policy, CancellationToken cancellationToken,
        Func<CancellationToken, Task<IResult?>>? whenEmpty = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        var query = Parse(context, policy);
        var rows = Filter(source, query, policy);
        long? count = query.Count ? await rows.LongCountAsync(cancellationToken) : null;

        var take = (int)Math.Min(query.Top ?? long.MaxValue, policy.PageSize);
        var page = Order(rows, query.OrderBy, policy).Skip((int)query.Skip).Take(take + 1);
        var contextUrl = ODataLinks.Context(context.Request, policy.EntitySet);
        string? NextLink() => query.Top is null || query.Top > take ? ODataLinks.NextPage(context.Request, query.Skip + take, query.Top - take) : null;

        var db = context.RequestServices.GetRequiredService<EmulatorDbContext>();
        if (query.Expand.Count == 0 && db.Model.FindEntityType(typeof(T)) is { } entity && layouts.For(entity) is { } layout)
        {
            return new ODataRowsResult(layout, location, page, take)
            {
                ContextUrl = contextUrl, Count = count, Select = query.Select, NextLink = NextLink, WhenEmpty = whenEmpty,
            };
        }

        var loaded = await page.ToListAsync(cancellationToken);
        if (loaded.Count == 0 && whenEmpty is not null && await whenEmpty(cancellationToken) is { } instead)
        {
            return instead;
        }

        var hasMore = loaded.Count > take;
        if (hasMore)
        {
            loaded.RemoveAt(take);
        }

        return new ODataCollectionResult<T>(contextUrl, loaded, count, hasMore ? NextLink() : null, query.Select);
    }

    /// <summary>Parses and checks the request's query options without running them.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="context">The exchange.</param>
    /// <param name="policy">What the collection accepts.</param>
    /// <returns>The parsed options.</returns>
    public ParsedODataQuery Parse<T>(HttpContext context, ODataCollectionPolicy<T> policy)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        return ODataQueryParser.Parse(edm.Model, edm.EntitySet(policy.EntitySet), context.Request.Query, policy);
    }

    /// <summary>Applies <c>$expand</c> and <c>$filter</c> (as SQL) to <paramref name="source"/>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The rows.</param>
    /// <param name="query">The parsed options.</param>
    /// <param name="policy">The policy (its expand loaders).</param>
    /// <returns>The filtered rows.</returns>
    public IQueryable<T> Filter<T>(IQueryable<T> source, ParsedODataQuery query, ODataCollectionPolicy<T> policy)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var navigation in query.Expand)
        {
            source = policy.Expand[navigation](source);
        }

        return query.Filter is null
            ? source
            : (IQueryable<T>)new FilterBinder().ApplyBind(source, query.Filter, new QueryBinderContext(edm.Model, BinderSettings, typeof(T)));
    }

    private IQueryable<T> Order<T>(IQueryable<T> rows, OrderByClause? orderBy, ODataCollectionPolicy<T> policy)
        where T : class
    {
        if (orderBy is null)
        {
            return rows.OrderBy(policy.StableOrder);
        }

        var ordered = (IOrderedQueryable<T>)new OrderByBinder().ApplyBind(rows, orderBy, new QueryBinderContext(edm.Model, BinderSettings, typeof(T)), false);
        return ordered.ThenBy(policy.StableOrder);
    }
}

/// <summary>Shorthands for writing policies.</summary>
public static class ODataPolicy
{
    /// <summary>A case-sensitive set of EDM property names.</summary>
    /// <param name="names">The names.</param>
    /// <returns>The set.</returns>
    public static IReadOnlySet<string> Properties(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>A stable order expression (for readability at the call site).</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="key">The key.</param>
    /// <returns>The expression.</returns>
    public static Expression<Func<T, string>> OrderBy<T>(Expression<Func<T, string>> key) => key;
}
