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
internal sealed class ODataCollectionQuery
{
    private readonly EmulatorEdmModel edm;
    private readonly RowLayouts layouts;
    private readonly DatabaseLocation location;
    private readonly ODataPageSizes pageSizes;

    internal ODataCollectionQuery(EmulatorEdmModel edm, RowLayouts layouts, DatabaseLocation location, ODataPageSizes pageSizes)
    {
        this.edm = edm;
        this.layouts = layouts;
        this.location = location;
        this.pageSizes = pageSizes;
    }

    // EF Core translates plain member access; null propagation would add CASE expressions SQL does not need.
    private static readonly ODataQuerySettings BinderSettings = new() { HandleNullPropagation = HandleNullPropagationOption.False };

    /// <summary>Runs the request's query options over <paramref name="source"/> and returns the page as a result.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="context">The exchange (its query string holds the options).</param>
    /// <param name="source">The rows the caller may see (already tenant-filtered), a query of the request's context.</param>
    /// <param name="policy">What the collection accepts.</param>
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

        var take = (int)Math.Min(query.Top ?? long.MaxValue, pageSizes.For(policy.EntitySet, policy.PageSize));
        if (query.After is { } after)
        {
            rows = rows.Where(After(policy.StableOrder, after));
        }

        var page = Order(rows, query.OrderBy, policy).Skip((int)query.Skip).Take(take + 1);
        var contextUrl = ODataLinks.Context(context.Request, policy.EntitySet);

        // In the stable order the next page continues after the last row's key ($skiptoken); under $orderby at an offset ($skip).
        string? NextLink(string? lastKey)
        {
            if (query.Top is not null && query.Top <= take)
            {
                return null;
            }

            return query.OrderBy is null && lastKey is not null
                ? ODataLinks.WithQuery(context.Request, new Dictionary<string, string?>
                {
                    ["$skip"] = null,
                    ["$skiptoken"] = ODataSkipToken.Encode(lastKey),
                    ["$top"] = (query.Top - take)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })
                : ODataLinks.NextPage(context.Request, query.Skip + take, query.Top - take);
        }

        var db = context.RequestServices.GetRequiredService<EmulatorDbContext>();
        if (query.Expand.Count == 0 && db.Model.FindEntityType(typeof(T)) is { } entity && layouts.For(entity) is { } layout)
        {
            return new ODataRowsResult(layout, location, page, take)
            {
                ContextUrl = contextUrl, Count = count, Select = query.Select, NextLink = NextLink, WhenEmpty = whenEmpty,
                KeyProperty = layout.Properties.Select(p => p.Name).ToList().IndexOf(KeyName(policy.StableOrder)),
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

        return new ODataCollectionResult<T>(contextUrl, loaded, count, hasMore ? NextLink(policy.StableOrder.Compile()(loaded[^1])) : null, query.Select);
    }

    // rows whose stable key sorts after the token's; EF Core turns string.Compare(a, b) > 0 into SQL "a > b", the binary text order the stable order sorts by.
    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, string>> key, string after)
    {
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var boundary = Expression.Property(Expression.Constant(new Boundary(after)), nameof(Boundary.Key));
        return Expression.Lambda<Func<T, bool>>(
            Expression.GreaterThan(Expression.Call(compare, key.Body, boundary), Expression.Constant(0)), key.Parameters);
    }

    private static string KeyName<T>(Expression<Func<T, string>> key) =>
        key.Body is MemberExpression member ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Member.Name) : string.Empty;

    private sealed record Boundary(string Key);

    /// <summary>Parses and checks the request's query options without running them.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
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
internal static class ODataPolicy
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
