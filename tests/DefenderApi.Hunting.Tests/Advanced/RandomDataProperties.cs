using System.Globalization;
using System.Text;
using CsCheck;

namespace DefenderApi.Hunting.Tests.Advanced;

/// <summary>
/// Property tests: random rows become a <c>datatable</c>, the query runs through the compiler and SQLite, and the result
/// must equal the same computation written in LINQ.
/// </summary>
[Collection(HuntingDataCollection.Name)]
public sealed class RandomDataProperties(HuntingDataFixture data)
{
    private static readonly Gen<(string Name, long Value, bool Flag)> RowGen =
        Gen.Select(Gen.OneOf<string>("alpha", "beta", "gamma", "delta"), Gen.Long[-1000, 1000], Gen.Bool);

    private static readonly Gen<List<(string Name, long Value, bool Flag)>> TableGen = RowGen.List[1, 40];

    private static string Table(IEnumerable<(string Name, long Value, bool Flag)> rows)
    {
        var values = string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"'{r.Name}', {r.Value}, {(r.Flag ? "true" : "false")}")));
        return $"datatable(Name:string, Value:long, Flag:bool) [{values}]";
    }

    private static void Sample<T>(Gen<T> gen, Action<T> check) => gen.Sample(check, iter: 40, threads: 1);

    [Fact]
    public void ConditionalAggregations_MatchLinq() => Sample(TableGen, rows => RowAssert.Equal(
        rows.GroupBy(r => r.Name).Select(g => RowAssert.V(
            g.Key,
            (long)g.Count(r => r.Flag),
            (long)g.Where(r => r.Flag).Select(r => r.Value).Distinct().Count(),
            g.Where(r => r.Flag).Sum(r => r.Value),
            g.Any(r => r.Flag) ? g.Where(r => r.Flag).Max(r => r.Value) : null,
            g.Where(r => r.Flag).Select(r => r.Value).Distinct().Order().Count())),
        data.Run($"{Table(rows)} | summarize countif(Flag), dcountif(Value, Flag), sumif(Value, Flag), maxif(Value, Flag), S = array_length(make_set_if(Value, Flag)) by Name")));

    [Fact]
    public void Percentile_IsTheNearestRank() => Sample(Gen.Select(TableGen, Gen.Int[0, 100]), input =>
    {
        var (rows, percent) = input;
        var sorted = rows.Select(r => r.Value).Order().ToList();
        var rank = Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count), 1, sorted.Count);
        RowAssert.Equal([RowAssert.V(sorted[rank - 1])], data.Run($"{Table(rows)} | summarize percentile(Value, {percent})"));
    });

    [Fact]
    public void StdevAndVariance_MatchTheirDefinitions() => Sample(TableGen, rows =>
    {
        var values = rows.Select(r => (double)r.Value).ToList();
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        var sample = values.Count < 2 ? 0 : squares / (values.Count - 1);
        RowAssert.Equal(
            [RowAssert.V(sample, Math.Sqrt(sample), squares / values.Count, Math.Sqrt(squares / values.Count))],
            data.Run($"{Table(rows)} | summarize variance(Value), stdev(Value), variancep(Value), stdevp(Value)"));
    });

    [Fact]
    public void ArgMax_WithOtherAggregations_JoinsOnTheKeys() => Sample(TableGen, generated =>
    {
        // Distinct values, so the row arg_max picks is determined.
        var rows = generated.Select((r, i) => (r.Name, Value: (r.Value * 100) + i, r.Flag)).ToList();
        RowAssert.Equal(
            rows.GroupBy(r => r.Name).Select(g => RowAssert.V(
                g.Key, g.Max(r => r.Value), g.MaxBy(r => r.Value).Flag, (long)g.Count(), g.Min(r => r.Value), g.MinBy(r => r.Value).Flag)),
            data.Run($"{Table(rows)} | summarize arg_max(Value, Flag), count(), arg_min(Value, Flag) by Name"));
    });

    [Fact]
    public void TakeAny_ReturnsAValueOfTheGroup() => Sample(TableGen, rows =>
    {
        var result = data.Run($"{Table(rows)} | summarize take_any(Value) by Name");
        foreach (var row in result.Results)
        {
            var name = row["Name"]!.GetValue<string>();
            Assert.Contains(row["Value"]!.GetValue<long>(), rows.Where(r => r.Name == name).Select(r => r.Value));
        }
    });

    [Fact]
    public void MvExpand_GivesOneRowPerElement_NullOneEmptyNone() => Sample(Gen.Long[-50, 50].Array[0, 6].Null().List[1, 10], arrays =>
    {
        var values = string.Join(", ", arrays.Select((a, i) => $"{i}, {(a is null ? "dynamic(null)" : $"dynamic([{string.Join(", ", a)}])")}"));
        var expected = arrays.SelectMany((a, i) => a is null ? [RowAssert.V((long)i, null)] : a.Select((v, j) => RowAssert.V((long)i, v, (long)j)).ToList());
        var withIndex = arrays.SelectMany((a, i) => a is null ? [RowAssert.V((long)i, null, 0L)] : a.Select((v, j) => RowAssert.V((long)i, v, (long)j)));
        RowAssert.Equal(withIndex, data.Run($"datatable(k:long, a:dynamic) [{values}] | mv-expand with_itemindex=j a to typeof(long)"));
        Assert.Equal(expected.Count(), data.Run($"datatable(k:long, a:dynamic) [{values}] | mv-expand a | count").Results[0]["Count"]!.GetValue<long>());
    });

    [Fact]
    public void MvExpand_OfSplit_ToString_GivesEveryPartInOrder() => Sample(Gen.String["ab,\\ é"].List[1, 8], texts =>
    {
        var rows = string.Join(", ", texts.Select((t, i) => $"{i}, '{t.Replace("\\", "\\\\", StringComparison.Ordinal)}'"));
        RowAssert.Equal(
            texts.SelectMany((t, i) => t.Split(',').Select((part, j) => RowAssert.V((long)i, part, (long)j))),
            data.Run($"datatable(k:long, t:string) [{rows}] | mv-expand with_itemindex=j p = split(t, ',') to typeof(string) | project k, p, j"));
    });

    [Fact]
    public void MvExpand_ToAType_KeepsElementsOfThatType_AndScalarsExpandToOneRow() => Sample(Gen.Int[0, 6].Array[1, 6], kinds =>
    {
        // Scalars of each JSON type, an array of two types and a bag (one key/value pair, which is of no scalar type).
        string[] literals = ["dynamic(\"x\")", "dynamic(5)", "dynamic(2.5)", "dynamic(true)", "dynamic(null)", "dynamic([\"x\", 5])", "dynamic({\"a\": 1})"];
        // A string is never null in Kusto: an element of another type is the empty string.
        object?[][] strings = [["x"], [""], [""], [""], [""], ["x", ""], [""]];
        object?[][] longs = [[null], [5L], [null], [null], [null], [null, 5L], [null]];
        var rows = string.Join(", ", kinds.Select((kind, i) => $"{i}, {literals[kind]}"));
        RowAssert.Equal(
            kinds.SelectMany((kind, i) => strings[kind].Select(v => RowAssert.V((long)i, v))),
            data.Run($"datatable(k:long, a:dynamic) [{rows}] | mv-expand s = a to typeof(string) | project k, s"));
        RowAssert.Equal(
            kinds.SelectMany((kind, i) => longs[kind].Select(v => RowAssert.V((long)i, v))),
            data.Run($"datatable(k:long, a:dynamic) [{rows}] | mv-expand n = a to typeof(long) | project k, n"));
    });

    [Fact]
    public void Parse_ExtractsTheFieldsOfMatchingTexts() => Sample(Gen.Select(Gen.String["abcxyz"], Gen.Long[0, 9999], Gen.Bool).List[1, 15], items =>
    {
        var texts = items.Select(i => i.Item3 ? $"user={i.Item1};pid={i.Item2}" : $"noise {i.Item1}").ToList();
        var rows = string.Join(", ", texts.Select(t => $"'{t}'"));
        RowAssert.Equal(
            items.Where(i => i.Item3).Select(i => RowAssert.V(i.Item1, i.Item2)),
            data.Run($"datatable(t:string) [{rows}] | parse-where t with 'user=' User ';pid=' Pid:long | project User, Pid"));
        Assert.Equal(items.Count, data.Run($"datatable(t:string) [{rows}] | parse t with 'user=' User ';pid=' Pid:long | count").Results[0]["Count"]!.GetValue<long>());
    });

    [Fact]
    public void RowNumberAndPrev_FollowTheSort() => Sample(TableGen, rows =>
    {
        var sorted = rows.Select(r => r.Value).Order().ToList();
        RowAssert.Equal(
            sorted.Select((v, i) => RowAssert.V(v, (long)(i + 1), i == 0 ? null : sorted[i - 1])),
            data.Run($"{Table(rows)} | sort by Value asc | extend n = row_number(), p = prev(Value) | project Value, n, p"),
            ordered: true);
    });

    [Fact]
    public void UserFunction_EqualsItsInlinedBody() => Sample(TableGen, rows => RowAssert.Equal(
        rows.Select(r => RowAssert.V(r.Name, (r.Flag ? r.Value * 2 : r.Value) + 7)),
        data.Run($"let f = (v:long, doubled:bool, plus:long = 7) {{ iff(doubled, v * 2, v) + plus }}; {Table(rows)} | project Name, R = f(Value, Flag)")));

    [Fact]
    public void Lookup_IsALeftJoinWithoutTheRightKey() => Sample(Gen.Select(TableGen, Gen.OneOf<string>("alpha", "beta", "gamma", "delta").List[0, 4]), input =>
    {
        var (rows, dimension) = input;
        var names = dimension.Distinct().ToList();
        var right = new StringBuilder("datatable(Name:string, Upper:string) [");
        right.Append(string.Join(", ", names.Select(n => $"'{n}', '{n.ToUpperInvariant()}'"))).Append(']');
        RowAssert.Equal(
            rows.Select(r => RowAssert.V(r.Name, r.Value, r.Flag, names.Contains(r.Name) ? r.Name.ToUpperInvariant() : string.Empty)),
            data.Run($"{Table(rows)} | lookup ({right}) on Name"));
    });

    [Fact]
    public void TopNested_KeepsTheLargestGroups() => Sample(Gen.Select(Gen.OneOf<string>("p", "q", "r", "s", "t").List[1, 30], Gen.Int[1, 3]), input =>
    {
        var (names, top) = input;
        var counts = names.GroupBy(n => n).Select(g => (g.Key, Count: (long)g.Count())).ToList();
        var result = data.Run($"datatable(n:string) [{string.Join(", ", names.Select(n => $"'{n}'"))}] | top-nested {top} of n by c = count()");
        Assert.Equal(Math.Min(top, counts.Count), result.Results.Count);
        var kept = result.Results.Select(r => r["c"]!.GetValue<long>()).ToList();
        var threshold = counts.Select(c => c.Count).OrderDescending().Take(top).ToList();
        Assert.Equal(threshold, kept.OrderDescending());
    });
}
