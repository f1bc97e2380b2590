using System.Text.Json.Nodes;

namespace DefenderApi.Hunting.Tests.Corpus;

[Collection(HuntingDataCollection.Name)]
public sealed class SummarizeQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    private IEnumerable<Row> Recent(string table, int days) => Rows(table).Where(r => r.T("Timestamp") > Ago(TimeSpan.FromDays(days)));

    [Fact]
    public void BenchmarkQuery_TopTenDevicesByProcessCount()
    {
        var result = Data.Run("DeviceProcessEvents | where Timestamp > ago(7d) | summarize count() by DeviceName | top 10 by count_");
        var expected = Recent("DeviceProcessEvents", 7).GroupBy(r => r.S("DeviceName")).Select(g => (long)g.Count()).OrderDescending().Take(10);
        Assert.Equal(["DeviceName", "count_"], result.Schema.Select(c => c.Name));
        Assert.Equal(expected, result.Results.Select(r => r["count_"]!.GetValue<long>()));
    }

    [Fact]
    public void Top_WithTieBreaker_IsOrdered() => Check(
        "DeviceProcessEvents | where Timestamp > ago(7d) | summarize count() by DeviceName | top 5 by count_ desc, DeviceName asc",
        Recent("DeviceProcessEvents", 7).GroupBy(r => r.S("DeviceName")).Select(g => (Name: g.Key, Count: (long)g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).Take(5).Select(x => V(x.Name, x.Count)),
        ordered: true);

    [Fact]
    public void CountByDay_BinOfTimestamp() => Check(
        "DeviceProcessEvents | summarize count() by bin(Timestamp, 1d)",
        Rows("DeviceProcessEvents").GroupBy(r => Bin(r.T("Timestamp"), TimeSpan.FromDays(1))).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void NamedAggregates_CountAndDcount() => Check(
        "DeviceProcessEvents | summarize Events = count(), Devices = dcount(DeviceId) by FileName",
        Rows("DeviceProcessEvents").GroupBy(r => r.S("FileName")).Select(g => V(g.Key, (long)g.Count(), (long)g.Select(r => r.S("DeviceId")).Distinct().Count())));

    [Fact]
    public void Countif_FailedLogonsPerAccount() => Check(
        "DeviceLogonEvents | summarize countif(ActionType == \"LogonFailed\") by AccountName",
        Rows("DeviceLogonEvents").GroupBy(r => r.S("AccountName")).Select(g => V(g.Key, (long)g.Count(r => r.S("ActionType") == "LogonFailed"))));

    [Fact]
    public void SumAvgMinMax_OfFileSize() => Check(
        "DeviceProcessEvents | summarize sum(FileSize), avg(FileSize), min(FileSize), max(FileSize) by DeviceName",
        Rows("DeviceProcessEvents").GroupBy(r => r.S("DeviceName")).Select(g => V(
            g.Key, g.Sum(r => r.L("FileSize")), g.Average(r => (double)r.L("FileSize")), g.Min(r => r.L("FileSize")), g.Max(r => r.L("FileSize")))));

    [Fact]
    public void MinMaxTimestamp_PerDevice() => Check(
        "DeviceNetworkEvents | summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp) by DeviceId",
        Rows("DeviceNetworkEvents").GroupBy(r => r.S("DeviceId")).Select(g => V(g.Key, g.Min(r => r.T("Timestamp")), g.Max(r => r.T("Timestamp")))));

    [Fact]
    public void MakeSet_HoldsDistinctValues()
    {
        var result = Data.Run("DeviceProcessEvents | summarize Files = make_set(FileName) by DeviceName");
        var expected = Rows("DeviceProcessEvents").GroupBy(r => r.S("DeviceName"))
            .ToDictionary(g => g.Key, g => g.Select(r => r.S("FileName")).Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Count, result.Results.Count);
        foreach (var row in result.Results)
        {
            var files = JsonNode.Parse(row["Files"]!.GetValue<string>())!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(expected[row["DeviceName"]!.GetValue<string>()], files);
        }
    }

    [Fact]
    public void MakeList_KeepsEveryValue() => Check(
        "DeviceProcessEvents | summarize L = make_list(ReportId) by DeviceName | project DeviceName, N = array_length(L)",
        Rows("DeviceProcessEvents").GroupBy(r => r.S("DeviceName")).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void ArgMax_Star_LatestEventPerDevice() => Check(
        "DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId | project DeviceId, DeviceName, Timestamp, FileName",
        Rows("DeviceProcessEvents").GroupBy(r => r.S("DeviceId")).Select(g => g.MaxBy(r => r.T("Timestamp"))!)
            .Select(r => V(r["DeviceId"], r["DeviceName"], r["Timestamp"], r["FileName"])));

    [Fact]
    public void ArgMax_NamedColumns_LatestDeviceInfo() => Check(
        "DeviceInfo | summarize arg_max(Timestamp, OSPlatform, DeviceName) by DeviceId",
        Rows("DeviceInfo").GroupBy(r => r.S("DeviceId")).Select(g => g.MaxBy(r => r.T("Timestamp"))!)
            .Select(r => V(r["DeviceId"], r["Timestamp"], r["OSPlatform"], r["DeviceName"])));

    [Fact]
    public void ArgMin_FirstFilePerDevice() => Check(
        "DeviceFileEvents | summarize arg_min(Timestamp, FileName) by DeviceName",
        Rows("DeviceFileEvents").GroupBy(r => r.S("DeviceName")).Select(g => g.MinBy(r => r.T("Timestamp"))!)
            .Select(r => V(r["DeviceName"], r["Timestamp"], r["FileName"])));

    [Fact]
    public void CountPerHour_ThenFilterOnAggregate() => CheckCount(
        "DeviceProcessEvents | summarize count() by DeviceName, bin(Timestamp, 1h) | where count_ > 1 | count",
        Rows("DeviceProcessEvents").GroupBy(r => (r.S("DeviceName"), Bin(r.T("Timestamp"), TimeSpan.FromHours(1)))).Count(g => g.Count() > 1));

    [Fact]
    public void SummarizeBy_WithoutAggregates_IsDistinct() => Check(
        "DeviceNetworkEvents | summarize by Protocol, RemotePort",
        Rows("DeviceNetworkEvents").Select(r => (r.S("Protocol"), r.L("RemotePort"))).Distinct().Select(t => V(t.Item1, t.Item2)));

    [Fact]
    public void SummarizeWithoutBy_OneRow() => Check(
        "DeviceRegistryEvents | summarize Total = count(), Keys = dcount(RegistryKey)",
        [V((long)Rows("DeviceRegistryEvents").Count, (long)Rows("DeviceRegistryEvents").Select(r => r.S("RegistryKey")).Distinct().Count())]);

    [Fact]
    public void SortByCountDesc_ThenName() => Check(
        "DeviceProcessEvents | summarize count() by FileName | sort by count_ desc, FileName asc",
        Rows("DeviceProcessEvents").GroupBy(r => r.S("FileName")).Select(g => (g.Key, Count: (long)g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => V(x.Key, x.Count)),
        ordered: true);

    [Fact]
    public void TopRawEvents_ByFileSize() => Check(
        "DeviceProcessEvents | top 5 by FileSize desc, ReportId asc | project ReportId, FileSize",
        Rows("DeviceProcessEvents").OrderByDescending(r => r.L("FileSize")).ThenBy(r => r.L("ReportId")).Take(5).Select(r => V(r["ReportId"], r["FileSize"])),
        ordered: true);

    [Fact]
    public void OrderAsc_ByActionType() => Check(
        "DeviceEvents | summarize count() by ActionType | order by ActionType asc",
        Rows("DeviceEvents").GroupBy(r => r.S("ActionType")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => V(g.Key, (long)g.Count())),
        ordered: true);
}
