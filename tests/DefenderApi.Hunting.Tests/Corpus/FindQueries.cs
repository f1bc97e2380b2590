using System.Globalization;
using CsCheck;
using DefenderApi.Errors;
using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Tests.Corpus;

/// <summary>
/// find (Kusto's "find operator" page): rows of several tables where a predicate holds, a column naming each row's
/// table, and project-smart / project / pack_all() output, compared with LINQ over the raw rows.
/// </summary>
[Collection(HuntingDataCollection.Name)]
public sealed class FindQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    private static readonly string[] TablesWithSha1 = [.. HuntingSchema.Default.Tables.Where(t => t.Find("SHA1") is not null).Select(t => t.Name)];

    private string SomeSha1 => Rows("DeviceProcessEvents").First(r => r.S("SHA1").Length > 0).S("SHA1");

    [Fact]
    public void FindIn_TwoTables_CountsRowsPerSourceTable() => Check(
        "find in (DeviceProcessEvents, DeviceFileEvents) where FileName endswith \".exe\" | summarize count() by source_",
        new[] { "DeviceProcessEvents", "DeviceFileEvents" }
            .Select(t => (t, n: (long)Rows(t).Count(r => r.S("FileName").EndsWith(".exe", StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.n > 0).Select(x => V(x.t, x.n)));

    [Fact]
    public void FindWhere_OverAllTables_LooksOnlyInTablesThatHaveThePredicatesColumns()
    {
        var sha1 = SomeSha1;
        Check(
            $"find where SHA1 == '{sha1}' | summarize count() by source_",
            TablesWithSha1.Select(t => (t, n: (long)Rows(t).Count(r => r.S("SHA1") == sha1))).Where(x => x.n > 0).Select(x => V(x.t, x.n)));
    }

    [Fact]
    public void FindProject_GivesTheNamedColumns_NullWhereATableLacksOne()
    {
        var result = Data.Run("find in (DeviceProcessEvents, DeviceNetworkEvents) where DeviceName startswith \"device-0\" project DeviceName, RemoteIP, ProcessId");
        Assert.Equal(["source_", "DeviceName", "RemoteIP", "ProcessId"], result.Schema.Select(c => c.Name));
        Assert.All(result.Results.Where(r => (string?)r["source_"] == "DeviceNetworkEvents"), r => Assert.Null(r["ProcessId"]));
        Assert.All(result.Results.Where(r => (string?)r["source_"] == "DeviceProcessEvents"), r => Assert.Equal(string.Empty, (string?)r["RemoteIP"]));
        Assert.Equal(
            Rows("DeviceProcessEvents").Count(r => r.S("DeviceName").StartsWith("device-0", StringComparison.OrdinalIgnoreCase))
                + Rows("DeviceNetworkEvents").Count(r => r.S("DeviceName").StartsWith("device-0", StringComparison.OrdinalIgnoreCase)),
            result.Results.Count);
    }

    [Fact]
    public void FindProjectSmart_PredicateColumnsThenCommonColumnsThenPack()
    {
        var result = Data.Run("find withsource=Table in (DeviceRegistryEvents, DeviceProcessEvents) where ActionType == \"ProcessCreated\" or RegistryKey has \"Run\" | take 5");
        var names = result.Schema.Select(c => c.Name).ToList();
        Assert.Equal(["Table", "ActionType", "RegistryKey"], names.Take(3));
        Assert.Equal("pack_", names[^1]);
        Assert.Contains("DeviceId", names);
        Assert.DoesNotContain("ProcessCommandLine", names);
        Assert.All(result.Results.Where(r => (string?)r["Table"] == "DeviceProcessEvents"), r => Assert.True(r["pack_"]!.AsObject().ContainsKey("ProcessCommandLine")));
    }

    [Fact]
    public void FindProjectSmart_AColumnOfTwoTypes_GivesOneColumnPerType()
    {
        var result = Data.Run("let A = datatable(K:string, V:long) ['a', 1, 'b', 2]; let B = datatable(K:long, W:string) [3, 'x']; find in (A, B) where isnotnull(K)");
        Assert.Equal(["source_", "K_string", "K_long", "pack_"], result.Schema.Select(c => c.Name));
        RowAssert.Equal(
            [V("A", "a", null, "{\"V\":1}"), V("A", "b", null, "{\"V\":2}"), V("B", string.Empty, 3L, "{\"W\":\"x\"}")],
            result);
    }

    [Fact]
    public void FindProject_WithPackAll_BagsEveryOtherColumn_KeepingTypes() => RowAssert.Equal(
        [V("A", "a", "{\"V\":1,\"F\":true,\"T\":\"2026-01-01T00:00:00.0000000Z\",\"D\":[1,2]}")],
        Data.Run("let A = datatable(K:string, V:long, F:bool, T:datetime, D:dynamic) ['a', 1, true, datetime(2026-01-01), dynamic([1,2])]; find in (A) where K == 'a' project K, pack_all()"));

    [Fact]
    public void FindProject_AColumnOfTwoTypes_NeedsItsType()
    {
        var e = Assert.Throws<DefenderErrorException>(() => Data.Run("let A = datatable(K:string) ['a']; let B = datatable(K:long) [1]; find in (A, B) where true project K"));
        Assert.Contains("name one as 'K:type'", e.Error.Message, StringComparison.Ordinal);
        RowAssert.Equal([V("A", null), V("B", 1L)], Data.Run("let A = datatable(K:string) ['a']; let B = datatable(K:long) [1]; find in (A, B) where true project K:long"));
    }

    [Fact]
    public void Find_ColumnNoTableHas_IsASemanticErrorNamingIt()
    {
        var e = Assert.Throws<DefenderErrorException>(() => Data.Run("find in (DeviceInfo) where NoSuchColumn == 1"));
        Assert.Equal(400, e.Error.Status);
        Assert.Contains("NoSuchColumn", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_AfterAPipe_IsASyntaxError()
    {
        var e = Assert.Throws<DefenderErrorException>(() => Data.Run("DeviceInfo | find where true"));
        Assert.Contains("Syntax error at line 1, column 14", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_StaysInsideTheCallersTenant() => Assert.Empty(
        Data.Run("find where DeviceName == 'tenantb-only.contoso.com' project DeviceName").Results);

    [Fact]
    public void FindOverTwoRandomTables_MatchesLinq() => Gen.Select(RowGen.List[0, 20], RowGen.List[0, 20], Gen.Long[-50, 50]).Sample(
        input =>
        {
            var (a, b, threshold) = input;
            var expected = a.Where(r => r.Value > threshold).Select(r => V("A", r.Name, r.Value, "{}"))
                .Concat(b.Where(r => r.Value > threshold).Select(r => V("B", r.Name, r.Value, $"{{\"Flag\":{(r.Flag ? "true" : "false")}}}")));
            var query = string.Create(CultureInfo.InvariantCulture,
                $"let A = {Table(a, withFlag: false)}; let B = {Table(b, withFlag: true)}; find in (A, B) where Value > {threshold} project Name, Value, pack_all()");
            var result = Data.Run(query);
            RowAssert.Equal(expected, result);
        },
        iter: 40,
        threads: 1);

    private static readonly Gen<(string Name, long Value, bool Flag)> RowGen =
        Gen.Select(Gen.OneOf<string>("alpha", "beta", "gamma"), Gen.Long[-100, 100], Gen.Bool);

    private static string Table(List<(string Name, long Value, bool Flag)> rows, bool withFlag)
    {
        var header = withFlag ? "Name:string, Value:long, Flag:bool" : "Name:string, Value:long";
        var values = rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"'{r.Name}', {r.Value}") + (withFlag ? (r.Flag ? ", true" : ", false") : string.Empty));
        return $"datatable({header}) [{string.Join(", ", values)}]";
    }
}
