using Microsoft.OData.UriParser;

namespace DefenderApi.Emulator.OData;

/// <summary>The query options of one request, parsed by the OData library and checked against the collection's policy.</summary>
/// <param name="Filter">The <c>$filter</c> clause, if any.</param>
/// <param name="OrderBy">The <c>$orderby</c> clause, if any.</param>
/// <param name="Select">The EDM names <c>$select</c> kept, or <see langword="null"/> for every property.</param>
/// <param name="Expand">The EDM names of the expanded navigations.</param>
/// <param name="Top">The <c>$top</c> value, if any.</param>
/// <param name="Skip">The <c>$skip</c> value (0 when absent).</param>
/// <param name="Count">Whether <c>$count=true</c> asked for <c>@odata.count</c>.</param>
/// <param name="After">The stable key a <c>$skiptoken</c> continues after (rows with a greater key), if any.</param>
internal sealed record ParsedODataQuery(
    FilterClause? Filter,
    OrderByClause? OrderBy,
    IReadOnlySet<string>? Select,
    IReadOnlyList<string> Expand,
    long? Top,
    long Skip,
    bool Count,
    string? After = null);
