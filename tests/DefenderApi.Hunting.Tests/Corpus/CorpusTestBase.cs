using System.Text.RegularExpressions;

namespace DefenderApi.Hunting.Tests.Corpus;

/// <summary>Helpers for the corpus: run a query, compare with rows computed by LINQ over the raw data.</summary>
public abstract class CorpusTestBase(HuntingDataFixture data)
{
    protected HuntingDataFixture Data { get; } = data;

    protected static DateTime Now => HuntingDataFixture.Now.UtcDateTime;

    protected IReadOnlyList<Row> Rows(string table) => Data.Visible(table);

    protected void Check(string query, IEnumerable<object?[]> expected, bool ordered = false) =>
        RowAssert.Equal(expected, Data.Run(query), ordered);

    protected void CheckCount(string query, long expected) => Check(query, [[expected]]);

    protected static object?[] V(params object?[] values) => values;

    protected static DateTime Ago(TimeSpan span) => Now - span;

    protected static bool Ci(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    protected static bool Contains(string hay, string needle) => hay.Contains(needle, StringComparison.OrdinalIgnoreCase);

    /// <summary>KQL 'has' written independently: the term not glued to letters or digits where it starts or ends with one.</summary>
    protected static bool Has(string hay, string term)
    {
        var before = char.IsLetterOrDigit(term[0]) ? @"(?<![\p{L}\p{Nd}])" : string.Empty;
        var after = char.IsLetterOrDigit(term[^1]) ? @"(?![\p{L}\p{Nd}])" : string.Empty;
        return Regex.IsMatch(hay, before + Regex.Escape(term) + after, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    protected static DateTime Bin(DateTime value, TimeSpan size) => new(value.Ticks / size.Ticks * size.Ticks, DateTimeKind.Utc);
}
