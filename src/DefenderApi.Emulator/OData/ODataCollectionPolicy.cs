using System.Linq.Expressions;
using Microsoft.OData.UriParser;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// What one documented collection accepts: the <c>$filter</c> properties, operators and functions its page lists,
/// the <c>$top</c> maximum, the page size, and the <c>$expand</c> navigations. Anything else is a 400 <c>ODataError</c>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed record ODataCollectionPolicy<T>
    where T : class
{
    /// <summary>The operators most collections document: <c>eq ne gt ge lt le and or not</c>.</summary>
    public static readonly IReadOnlySet<BinaryOperatorKind> ComparisonOperators = new HashSet<BinaryOperatorKind>
    {
        BinaryOperatorKind.Equal, BinaryOperatorKind.NotEqual, BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual, BinaryOperatorKind.LessThan, BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.And, BinaryOperatorKind.Or,
    };

    /// <summary>The entity set name used in <c>@odata.context</c> and <c>$metadata</c>, e.g. <c>Machines</c>.</summary>
    public required string EntitySet { get; init; }

    /// <summary>The EDM (JSON) names of the properties <c>$filter</c> may use.</summary>
    public required IReadOnlySet<string> FilterProperties { get; init; }

    /// <summary>The EDM names <c>$orderby</c> may use; the filter properties when not set.</summary>
    public IReadOnlySet<string>? OrderByProperties { get; init; }

    /// <summary>The binary operators <c>$filter</c> may use.</summary>
    public IReadOnlySet<BinaryOperatorKind> Operators { get; init; } = ComparisonOperators;

    /// <summary>The functions <c>$filter</c> may call (lower case), e.g. <c>startswith</c>.</summary>
    public IReadOnlySet<string> Functions { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "startswith" };

    /// <summary>Whether <c>any</c>/<c>all</c> lambdas over collection properties are allowed.</summary>
    public bool AllowLambdas { get; init; } = true;

    /// <summary>The largest <c>$top</c> accepted.</summary>
    public int MaxTop { get; init; } = 10_000;

    /// <summary>Rows per page; more rows are reached through <c>@odata.nextLink</c>.</summary>
    public int PageSize { get; init; } = 10_000;

    /// <summary>Navigations <c>$expand</c> may name (EDM name → how to load it in SQL).</summary>
    public IReadOnlyDictionary<string, Func<IQueryable<T>, IQueryable<T>>> Expand { get; init; } =
        new Dictionary<string, Func<IQueryable<T>, IQueryable<T>>>(StringComparer.Ordinal);

    /// <summary>The key that orders rows after <c>$orderby</c>, so that pages never overlap or skip rows.</summary>
    public required Expression<Func<T, string>> StableOrder { get; init; }

    /// <summary>The properties <c>$orderby</c> may use.</summary>
    internal IReadOnlySet<string> Sortable => OrderByProperties ?? FilterProperties;
}
