using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DefenderApi.Hunting.Tests;

/// <summary>Compares result rows with LINQ-computed rows through one canonical text form per value.</summary>
internal static class RowAssert
{
    public static void Equal(IEnumerable<object?[]> expected, HuntingQueryResult actual, bool ordered = false)
    {
        var expectedRows = expected.Select(r => string.Join(" | ", r.Select(Canonical))).ToList();
        var actualRows = actual.Results.Select(r => string.Join(" | ", actual.Schema.Select(c => Canonical(r[c.Name])))).ToList();
        if (!ordered)
        {
            expectedRows.Sort(StringComparer.Ordinal);
            actualRows.Sort(StringComparer.Ordinal);
        }

        Assert.Equal(expectedRows, actualRows);
    }

    public static string Canonical(object? value) => value switch
    {
        null => "null",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => Number(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        },
        JsonNode node => node.ToJsonString(),
        string s => s,
        bool b => b ? "true" : "false",
        DateTime t => HuntingValueFormat.DateTime(t.Ticks),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        long or int or double => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"No canonical form for {value.GetType()}"),
    };

    private static string Number(double d) => Math.Round(d, 6).ToString("R", CultureInfo.InvariantCulture);

    public static object?[] V(params object?[] values) => values;
}
