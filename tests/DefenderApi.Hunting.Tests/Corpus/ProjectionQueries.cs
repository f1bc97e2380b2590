namespace DefenderApi.Hunting.Tests.Corpus;

[Collection(HuntingDataCollection.Name)]
public sealed class ProjectionQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    [Fact]
    public void Take_ReturnsThatManyRows() => CheckCount("DeviceProcessEvents | take 5 | count", 5);

    [Fact]
    public void ProjectAway_WithWildcard_RemovesInitiatingColumns()
    {
        var result = Data.Run("DeviceLogonEvents | project-away Initiating*, ReportId | take 1");
        var expected = Schema.HuntingSchema.Default.Find("DeviceLogonEvents")!.Columns
            .Where(c => !c.Name.StartsWith("Initiating", StringComparison.Ordinal) && c.Name != "ReportId").Select(c => c.Name);
        Assert.Equal(expected, result.Schema.Select(c => c.Name));
    }

    [Fact]
    public void ProjectRename_ThenProject() => Check(
        "DeviceLogonEvents | project-rename Host = DeviceName | project Host, ReportId",
        Rows("DeviceLogonEvents").Select(r => V(r["DeviceName"], r["ReportId"])));

    [Fact]
    public void Extend_StringFunctions() => Check(
        "DeviceProcessEvents | extend Lower = tolower(FolderPath), Upper = toupper(AccountName), Len = strlen(FileName) | project ReportId, Lower, Upper, Len",
        Rows("DeviceProcessEvents").Select(r => V(r["ReportId"], r.S("FolderPath").ToLowerInvariant(), r.S("AccountName").ToUpperInvariant(), (long)r.S("FileName").Length)));

    [Fact]
    public void Strcat_ConvertsNumbers() => Check(
        "DeviceProcessEvents | project Text = strcat(FileName, \" by \", AccountName, \" #\", ReportId)",
        Rows("DeviceProcessEvents").Select(r => V($"{r.S("FileName")} by {r.S("AccountName")} #{r.L("ReportId")}")));

    [Fact]
    public void Substring_ZeroBased() => Check(
        "DeviceProcessEvents | extend Prefix = substring(SHA1, 0, 8), Tail = substring(FileName, 2) | project ReportId, Prefix, Tail",
        Rows("DeviceProcessEvents").Select(r => V(r["ReportId"], r.S("SHA1")[..8], r.S("FileName")[2..])));

    [Fact]
    public void Split_IndexIntoParts() => Check(
        @"DeviceProcessEvents | extend Parts = split(FolderPath, @""\"") | extend Drive = tostring(Parts[0]), Last = tostring(Parts[-1]) | summarize count() by Drive, Last",
        Rows("DeviceProcessEvents").GroupBy(r => (r.S("FolderPath").Split('\\')[0], r.S("FolderPath").Split('\\')[^1])).Select(g => V(g.Key.Item1, g.Key.Item2, (long)g.Count())));

    [Fact]
    public void Iff_BucketsBySize() => Check(
        "DeviceProcessEvents | extend Kind = iff(FileSize > 1000000, \"large\", \"small\") | summarize count() by Kind",
        Rows("DeviceProcessEvents").GroupBy(r => r.L("FileSize") > 1_000_000 ? "large" : "small").Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void Case_FirstMatchingBranchWins() => Check(
        "DeviceProcessEvents | extend Level = case(FileSize > 4000000, \"huge\", FileSize > 1000000, \"big\", \"small\") | summarize count() by Level",
        Rows("DeviceProcessEvents").GroupBy(r => r.L("FileSize") > 4_000_000 ? "huge" : r.L("FileSize") > 1_000_000 ? "big" : "small").Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void Coalesce_SkipsEmptyStrings() => Check(
        "DeviceLogonEvents | extend Who = coalesce(RemoteDeviceName, AccountName) | summarize count() by Who",
        Rows("DeviceLogonEvents").GroupBy(r => r.S("RemoteDeviceName").Length > 0 ? r.S("RemoteDeviceName") : r.S("AccountName")).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void TimespanDivision_GivesHours() => CheckCount(
        "DeviceProcessEvents | extend Hours = (now() - Timestamp) / 1h | where Hours < 24 | count",
        Rows("DeviceProcessEvents").Count(r => (Now - r.T("Timestamp")).TotalHours < 24));

    [Fact]
    public void DatetimeDifference_ComparedWithTimespan() => CheckCount(
        "DeviceProcessEvents | extend Age = now() - Timestamp | where Age < 2d | count",
        Rows("DeviceProcessEvents").Count(r => Now - r.T("Timestamp") < TimeSpan.FromDays(2)));

    [Fact]
    public void Conversions_ToLongToIntToString() => Check(
        "DeviceProcessEvents | extend Size = tolong(tostring(FileSize)), Kilo = toint(FileSize / 1024) | where tostring(FileSize) startswith \"1\" | project ReportId, Size, Kilo",
        Rows("DeviceProcessEvents").Where(r => r.L("FileSize").ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith('1'))
            .Select(r => V(r["ReportId"], r.L("FileSize"), r.L("FileSize") / 1024)));

    [Fact]
    public void Distinct_OneColumn() => Check(
        "DeviceProcessEvents | distinct FileName",
        Rows("DeviceProcessEvents").Select(r => r.S("FileName")).Distinct().Select(f => V(f)));

    [Fact]
    public void Distinct_TwoColumns() => Check(
        "DeviceProcessEvents | distinct DeviceName, FileName",
        Rows("DeviceProcessEvents").Select(r => (r.S("DeviceName"), r.S("FileName"))).Distinct().Select(t => V(t.Item1, t.Item2)));

    [Fact]
    public void DistinctStar_AfterProject() => Check(
        "DeviceNetworkEvents | project RemoteIP, RemotePort | distinct *",
        Rows("DeviceNetworkEvents").Select(r => (r.S("RemoteIP"), r.L("RemotePort"))).Distinct().Select(t => V(t.Item1, t.Item2)));

    [Fact]
    public void Datetime_LiteralAndSchemaTypes()
    {
        var since = Now.AddDays(-2);
        var text = since.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"DeviceNetworkEvents | where Timestamp >= datetime({text}) | project Timestamp, RemotePort, Protocol, IsRemote = IsInitiatingProcessRemoteSession, Ratio = RemotePort / 2.0, Props = AdditionalFields";
        var result = Data.Run(query);
        Assert.Equal(["DateTime", "Int32", "String", "Boolean", "Double", "Object"], result.Schema.Select(c => c.Type));
        RowAssert.Equal(
            Rows("DeviceNetworkEvents").Where(r => r.T("Timestamp") >= since)
                .Select(r => V(r["Timestamp"], r["RemotePort"], r["Protocol"], r.B("IsInitiatingProcessRemoteSession"), r.L("RemotePort") / 2.0, null)),
            result);
    }
}

[Collection(HuntingDataCollection.Name)]
public sealed class ChainingAndOrderQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    [Fact]
    public void Extend_LaterItemUsesEarlierItem() => Check(
        "DeviceProcessEvents | extend Len = strlen(FileName), Double = Len * 2, FileName = toupper(FileName) | project ReportId, Len, Double, FileName",
        Rows("DeviceProcessEvents").Select(r => V(r["ReportId"], (long)r.S("FileName").Length, 2L * r.S("FileName").Length, r.S("FileName").ToUpperInvariant())));

    [Fact]
    public void Project_LaterItemUsesEarlierItem() => Check(
        "DeviceNetworkEvents | project Port = RemotePort, Next = Port + 1",
        Rows("DeviceNetworkEvents").Select(r => V(r.L("RemotePort"), r.L("RemotePort") + 1)));

    [Fact]
    public void Sort_IsKeptThroughWhereProjectAndExtend() => Check(
        "DeviceFileEvents | sort by Timestamp asc | where FileSize > 1000 | project Timestamp, FileName | extend N = strlen(FileName) | take 20",
        Rows("DeviceFileEvents").OrderBy(r => r.T("Timestamp")).Where(r => r.L("FileSize") > 1000).Take(20)
            .Select(r => V(r["Timestamp"], r["FileName"], (long)r.S("FileName").Length)),
        ordered: true);

    [Fact]
    public void Top_ThenProjectAway_KeepsOrder() => Check(
        "DeviceLogonEvents | top 15 by Timestamp desc | project-away Initiating* | project Timestamp, AccountName",
        Rows("DeviceLogonEvents").OrderByDescending(r => r.T("Timestamp")).Take(15).Select(r => V(r["Timestamp"], r["AccountName"])),
        ordered: true);
}
