using DefenderApi.Errors;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// Parses a request's system query options with the OData library (<see cref="ODataQueryOptionParser"/>), property
/// names case-insensitive as the docs' mixed-case examples imply, then enforces the collection's policy.
/// Every fault becomes a 400 <c>ODataError</c> naming it.
/// </summary>
internal static class ODataQueryParser
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "$filter", "$top", "$skip", "$select", "$orderby", "$expand", "$count", SkipToken,
    };

    private const string SkipToken = "$skiptoken";

    public static ParsedODataQuery Parse<T>(IEdmModel model, IEdmEntitySet entitySet, IQueryCollection query, ODataCollectionPolicy<T> policy)
        where T : class
    {
        var options = ReadSystemOptions(query);
        var after = options.Remove(SkipToken, out var token) ? ODataSkipToken.Decode(token) : null;
        var parser = new ODataQueryOptionParser(model, entitySet.EntityType, entitySet, options)
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };

        try
        {
            var filter = parser.ParseFilter();
            var orderBy = parser.ParseOrderBy();
            var selectExpand = parser.ParseSelectAndExpand();
            var top = parser.ParseTop();
            var skip = parser.ParseSkip();
            var count = parser.ParseCount();

            ODataPolicyValidator.CheckFilter(filter, policy);
            ODataPolicyValidator.CheckOrderBy(orderBy, policy);
            var (select, expand) = ODataPolicyValidator.CheckSelectExpand(selectExpand, policy);
            CheckPaging(top, skip, policy);
            if (after is not null && orderBy is not null)
            {
                throw new DefenderErrorException(DefenderErrors.OData("The query option '$skiptoken' cannot be combined with '$orderby'; follow the @odata.nextLink as it was answered."));
            }

            return new ParsedODataQuery(filter, orderBy, select, expand, top, skip ?? 0, count ?? false, after);
        }
        catch (ODataException exception)
        {
            throw new DefenderErrorException(DefenderErrors.OData(exception.Message));
        }
    }

    private static Dictionary<string, string> ReadSystemOptions(IQueryCollection query)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith('$'))
            {
                continue;
            }

            var name = key.ToLowerInvariant();
            if (!Supported.Contains(name))
            {
                throw new DefenderErrorException(DefenderErrors.OData($"The query option '{key}' is not supported."));
            }

            if (values.Count > 1 || options.ContainsKey(name))
            {
                throw new DefenderErrorException(DefenderErrors.OData($"The query option '{key}' was specified more than once."));
            }

            options[name] = values.ToString();
        }

        return options;
    }

    private static void CheckPaging<T>(long? top, long? skip, ODataCollectionPolicy<T> policy)
        where T : class
    {
        if (top is < 0)
        {
            throw new DefenderErrorException(DefenderErrors.OData($"The value {top} for $top must be zero or more."));
        }

        if (top > policy.MaxTop)
        {
            throw new DefenderErrorException(DefenderErrors.OData(
                $"The limit of '{policy.MaxTop}' for Top query has been exceeded. The value from the incoming request is '{top}'."));
        }

        if (skip is < 0)
        {
            throw new DefenderErrorException(DefenderErrors.OData($"The value {skip} for $skip must be zero or more."));
        }
    }
}
