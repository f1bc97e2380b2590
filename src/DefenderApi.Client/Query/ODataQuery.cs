using System.Globalization;
using System.Linq.Expressions;
using System.Text;

namespace DefenderApi.Client.Query;

/// <summary>
/// A typed OData query over <typeparamref name="T"/>: <c>$filter</c> from a lambda, <c>$top</c>, <c>$skip</c>,
/// <c>$select</c>, <c>$orderby</c> and <c>$expand</c>, with property names taken from the model's wire names.
/// Immutable: each call returns a new query.
/// </summary>
/// <typeparam name="T">The entity the collection returns.</typeparam>
public sealed record ODataQuery<T>
{
    private string? _filter;
    private int? _top;
    private int? _skip;
    private IReadOnlyList<string> _select = [];
    private IReadOnlyList<string> _orderBy = [];
    private IReadOnlyList<string> _expand = [];

    /// <summary>Adds a <c>$filter</c> condition (combined with <c>and</c> when called again).</summary>
    /// <param name="predicate">
    /// Comparisons (<c>== != &gt; &gt;= &lt; &lt;=</c>) of a property with a value, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>,
    /// <c>string.StartsWith</c>, and <c>collection.Contains(value)</c> (translated to <c>any</c>). Values can be constants
    /// or captured variables. <c>string.EndsWith</c> and <c>string.Contains</c> are refused: the service documents no
    /// <c>$filter</c> function but <c>startswith</c>.
    /// </param>
    /// <returns>The query with the condition.</returns>
    /// <exception cref="NotSupportedException">The predicate uses something the service's <c>$filter</c> does not accept.</exception>
    public ODataQuery<T> Filter(Expression<Func<T, bool>> predicate)
    {
        var translated = ODataFilterTranslator.Translate(predicate);
        return this with { _filter = _filter is null ? translated : $"({_filter}) and ({translated})" };
    }

    /// <summary>
    /// Sets <c>$top</c>: the most entities the whole query returns (not a page size: the service answers at most this
    /// many, with no next link, so a listing stops there).
    /// </summary>
    /// <param name="count">A positive count (the service allows up to 10,000 on most collections).</param>
    /// <returns>The query with the limit.</returns>
    public ODataQuery<T> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return this with { _top = count };
    }

    /// <summary>Sets <c>$skip</c>.</summary>
    /// <param name="count">How many entities to skip.</param>
    /// <returns>The query with the offset.</returns>
    public ODataQuery<T> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return this with { _skip = count };
    }

    /// <summary>Sets <c>$select</c>.</summary>
    /// <param name="properties">The properties to return.</param>
    /// <returns>The query with the projection.</returns>
    public ODataQuery<T> Select(params Expression<Func<T, object?>>[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return this with { _select = [.. _select, .. properties.Select(ODataFilterTranslator.PropertyPath)] };
    }

    /// <summary>Adds an ascending <c>$orderby</c> key.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The query with the order.</returns>
    public ODataQuery<T> OrderBy(Expression<Func<T, object?>> property) =>
        this with { _orderBy = [.. _orderBy, ODataFilterTranslator.PropertyPath(property)] };

    /// <summary>Adds a descending <c>$orderby</c> key.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The query with the order.</returns>
    public ODataQuery<T> OrderByDescending(Expression<Func<T, object?>> property) =>
        this with { _orderBy = [.. _orderBy, ODataFilterTranslator.PropertyPath(property) + " desc"] };

    /// <summary>Adds an <c>$expand</c> navigation property (e.g. an alert's <c>Evidence</c>).</summary>
    /// <param name="property">The navigation property.</param>
    /// <returns>The query with the expansion.</returns>
    public ODataQuery<T> Expand(Expression<Func<T, object?>> property) =>
        this with { _expand = [.. _expand, ODataFilterTranslator.PropertyPath(property)] };

    /// <summary>The query string, starting with <c>?</c>, or empty when nothing is set. Values are URL-encoded.</summary>
    /// <returns>The query string.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, "$filter", _filter);
        Add(parts, "$top", _top?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "$skip", _skip?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "$select", _select.Count > 0 ? string.Join(',', _select) : null);
        Add(parts, "$orderby", _orderBy.Count > 0 ? string.Join(',', _orderBy) : null);
        Add(parts, "$expand", _expand.Count > 0 ? string.Join(',', _expand) : null);
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>The <c>$filter</c> text, unencoded (null when no filter is set).</summary>
    public string? FilterText => _filter;

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(new StringBuilder(name).Append('=').Append(Uri.EscapeDataString(value)).ToString());
        }
    }
}
