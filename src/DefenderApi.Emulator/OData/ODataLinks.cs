using Microsoft.AspNetCore.Http.Extensions;


namespace DefenderApi.Emulator.OData;

/// <summary>The URLs an OData answer carries: <c>@odata.context</c> and <c>@odata.nextLink</c>.</summary>
internal static class ODataLinks
{
    /// <summary>The service root the caller used, e.g. <c>http://127.0.0.1:5310/api</c>.</summary>
    /// <returns>The root.</returns>
    public static string ServiceRoot(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/api";
    }

    /// <summary>The context URL of a collection or of a single entity, e.g. <c>.../api/$metadata#Machines</c>.</summary>
    /// <param name="fragment">The fragment, e.g. <c>Machines</c> or <c>Machines/$entity</c>.</param>
    /// <returns>The URL.</returns>
    public static string Context(HttpRequest request, string fragment) => $"{ServiceRoot(request)}/$metadata#{fragment}";

    /// <summary>The link to the next page: the same request with <c>$skip</c> (and a remaining <c>$top</c>) moved on.</summary>
    /// <param name="skip">The next page's <c>$skip</c>.</param>
    /// <param name="remainingTop">What is left of <c>$top</c>, or <see langword="null"/> without one.</param>
    /// <returns>The absolute URL.</returns>
    public static string NextPage(HttpRequest request, long skip, long? remainingTop) =>
        WithQuery(request, new Dictionary<string, string?>
        {
            ["$skip"] = skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["$top"] = remainingTop?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// The same request with some query parameters replaced (names compared case-insensitively), the others kept:
    /// the next-page link of collections paged by other parameters than <c>$skip</c>.
    /// </summary>
    /// <param name="replacements">Parameter → new value, appended in order; a <see langword="null"/> value removes it.</param>
    /// <returns>The absolute URL.</returns>
    public static string WithQuery(HttpRequest request, IReadOnlyDictionary<string, string?> replacements)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(replacements);
        var query = new QueryBuilder();
        foreach (var (key, value) in request.Query)
        {
            if (!replacements.Keys.Any(replaced => replaced.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                query.Add(key, (IEnumerable<string>)value);
            }
        }

        foreach (var (key, value) in replacements)
        {
            if (value is not null)
            {
                query.Add(key, value);
            }
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}
