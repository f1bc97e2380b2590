namespace DefenderApi.Hunting.Tests.Corpus;

[Collection(HuntingDataCollection.Name)]
public sealed class LetAndJoinQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    [Fact]
    public void LetScalar_TimespanUsedInAgo() => CheckCount(
        "let lookback = 3d; DeviceProcessEvents | where Timestamp > ago(lookback) | count",
        Rows("DeviceProcessEvents").Count(r => r.T("Timestamp") > Ago(TimeSpan.FromDays(3))));

    [Fact]
    public void LetDynamicArray_UsedWithIn() => Check(
        "let suspicious = dynamic([\"certutil.exe\", \"mshta.exe\", \"wmic.exe\"]);\nDeviceProcessEvents\n| where FileName in (suspicious)\n| summarize count() by FileName",
        Rows("DeviceProcessEvents").Where(r => r.S("FileName") is "certutil.exe" or "mshta.exe" or "wmic.exe").GroupBy(r => r.S("FileName")).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void LetTabular_UsedAsInSubquery()
    {
        var failed = Rows("DeviceLogonEvents").Where(r => r.S("ActionType") == "LogonFailed").Select(r => r.S("DeviceId")).ToHashSet();
        CheckCount(
            "let failed = DeviceLogonEvents | where ActionType == \"LogonFailed\" | distinct DeviceId;\nDeviceProcessEvents | where DeviceId in (failed) | count",
            Rows("DeviceProcessEvents").Count(r => failed.Contains(r.S("DeviceId"))));
    }

    [Fact]
    public void TwoTabularLets_JoinedInner()
    {
        var connections = Rows("DeviceNetworkEvents").Where(r => r.L("RemotePort") == 445).GroupBy(r => r.S("DeviceId")).ToDictionary(g => g.Key, g => (long)g.Count());
        Check(
            """
            let procs = DeviceProcessEvents | where FileName == "powershell.exe" | project DeviceId, ReportId;
            let smb = DeviceNetworkEvents | where RemotePort == 445 | summarize Connections = count() by DeviceId;
            procs | join kind=inner smb on DeviceId | project ReportId, Connections
            """,
            Rows("DeviceProcessEvents").Where(r => r.S("FileName") == "powershell.exe" && connections.ContainsKey(r.S("DeviceId")))
                .Select(r => V(r["ReportId"], connections[r.S("DeviceId")])));
    }

    [Fact]
    public void ToScalar_MaximumAsFilter() => Check(
        "let biggest = toscalar(DeviceProcessEvents | summarize max(FileSize)); DeviceProcessEvents | where FileSize == biggest | project ReportId",
        Rows("DeviceProcessEvents").Where(r => r.L("FileSize") == Rows("DeviceProcessEvents").Max(x => x.L("FileSize"))).Select(r => V(r["ReportId"])));

    [Fact]
    public void Join_DefaultInnerUnique_LatestOsWithMac()
    {
        var latest = Rows("DeviceInfo").GroupBy(r => r.S("DeviceId")).Select(g => g.MaxBy(r => r.T("Timestamp"))!);
        var macs = Rows("DeviceNetworkInfo").ToLookup(r => r.S("DeviceId"));
        Check(
            "DeviceInfo | summarize arg_max(Timestamp, OSPlatform) by DeviceId | join (DeviceNetworkInfo | project DeviceId, MacAddress) on DeviceId | project DeviceId, OSPlatform, MacAddress",
            latest.SelectMany(l => macs[l.S("DeviceId")].Select(m => V(l["DeviceId"], l["OSPlatform"], m["MacAddress"]))));
    }

    [Fact]
    public void Join_DefaultInnerUnique_DeduplicatesLeftKeys()
    {
        var failedDevices = Rows("DeviceLogonEvents").Where(r => r.S("ActionType") == "LogonFailed").Select(r => r.S("DeviceId")).Distinct();
        var linuxInfo = Rows("DeviceInfo").Where(r => r.S("OSPlatform") == "Linux").ToLookup(r => r.S("DeviceId"));
        CheckCount(
            "DeviceLogonEvents | where ActionType == \"LogonFailed\" | join (DeviceInfo | where OSPlatform == \"Linux\") on DeviceId | count",
            failedDevices.Sum(d => linuxInfo[d].Count()));
    }

    [Fact]
    public void Join_Inner_KeepsEveryLeftRow()
    {
        var linuxInfo = Rows("DeviceInfo").Where(r => r.S("OSPlatform") == "Linux").ToLookup(r => r.S("DeviceId"));
        CheckCount(
            "DeviceLogonEvents | where ActionType == \"LogonFailed\" | join kind=inner (DeviceInfo | where OSPlatform == \"Linux\") on DeviceId | count",
            Rows("DeviceLogonEvents").Where(r => r.S("ActionType") == "LogonFailed").Sum(r => linuxInfo[r.S("DeviceId")].Count()));
    }

    [Fact]
    public void Join_LeftOuter_UnmatchedAreNull()
    {
        var usb = Rows("DeviceEvents").Where(r => r.S("ActionType") == "UsbDriveMounted").GroupBy(r => r.S("DeviceId")).ToDictionary(g => g.Key, g => (long)g.Count());
        Check(
            "DeviceInfo | distinct DeviceId, DeviceName | join kind=leftouter (DeviceEvents | where ActionType == \"UsbDriveMounted\" | summarize Usb = count() by DeviceId) on DeviceId | project DeviceName, Usb",
            Rows("DeviceInfo").Select(r => (Id: r.S("DeviceId"), Name: r.S("DeviceName"))).Distinct().Select(d => V(d.Name, usb.TryGetValue(d.Id, out var n) ? n : null)));
    }

    [Fact]
    public void Join_LeftRightKeys_ProcessToCertificate()
    {
        var certs = Rows("DeviceFileCertificateInfo").ToLookup(r => r.S("SHA1"));
        Check(
            "DeviceProcessEvents | where FileName == \"certutil.exe\" | join kind=inner (DeviceFileCertificateInfo) on $left.SHA1 == $right.SHA1 | project ReportId, Signer, IsSigned",
            Rows("DeviceProcessEvents").Where(r => r.S("FileName") == "certutil.exe").SelectMany(r => certs[r.S("SHA1")].Select(c => V(r["ReportId"], c["Signer"], c.B("IsSigned")))));
    }

    [Fact]
    public void Join_LeftAnti_DevicesWithoutFailedLogons()
    {
        var failed = Rows("DeviceLogonEvents").Where(r => r.S("ActionType") == "LogonFailed").Select(r => r.S("DeviceId")).ToHashSet();
        Check(
            "DeviceInfo | distinct DeviceId | join kind=leftanti (DeviceLogonEvents | where ActionType == \"LogonFailed\") on DeviceId",
            Rows("DeviceInfo").Select(r => r.S("DeviceId")).Distinct().Where(d => !failed.Contains(d)).Select(d => V(d)));
    }

    [Fact]
    public void Join_LeftSemi_DevicesWithSmb()
    {
        var smb = Rows("DeviceNetworkEvents").Where(r => r.L("RemotePort") == 445).Select(r => r.S("DeviceId")).ToHashSet();
        Check(
            "DeviceInfo | distinct DeviceId | join kind=leftsemi (DeviceNetworkEvents | where RemotePort == 445) on DeviceId",
            Rows("DeviceInfo").Select(r => r.S("DeviceId")).Distinct().Where(smb.Contains).Select(d => V(d)));
    }

    [Fact]
    public void Join_AlertInfoWithMachineEvidence()
    {
        var evidence = Rows("AlertEvidence").Where(r => r.S("EntityType") == "Machine").ToLookup(r => r.S("AlertId"));
        Check(
            "AlertInfo | join kind=inner (AlertEvidence | where EntityType == \"Machine\") on AlertId | project Title, Severity, DeviceName",
            Rows("AlertInfo").SelectMany(a => evidence[a.S("AlertId")].Select(e => V(a["Title"], a["Severity"], e["DeviceName"]))));
    }

    [Fact]
    public void Join_RenamesRightColumnsThatClash()
    {
        var result = Data.Run("DeviceInfo | take 1 | join (DeviceNetworkInfo) on DeviceId");
        var names = result.Schema.Select(c => c.Name).ToList();
        Assert.Contains("DeviceId1", names);
        Assert.Contains("Timestamp1", names);
        Assert.Contains("MacAddress", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Union_CountsBothTables() => CheckCount(
        "union DeviceProcessEvents, DeviceNetworkEvents | count",
        Rows("DeviceProcessEvents").Count + Rows("DeviceNetworkEvents").Count);

    [Fact]
    public void Union_WithSource_NamesTheTable() => Check(
        "union withsource=SourceTable DeviceFileEvents, DeviceImageLoadEvents | summarize count() by SourceTable",
        [V("DeviceFileEvents", (long)Rows("DeviceFileEvents").Count), V("DeviceImageLoadEvents", (long)Rows("DeviceImageLoadEvents").Count)]);

    [Fact]
    public void UnionOperator_WithFilteredSubquery() => CheckCount(
        "DeviceProcessEvents | where FileName == \"rundll32.exe\" | union (DeviceImageLoadEvents | where FileName == \"amsi.dll\") | count",
        Rows("DeviceProcessEvents").Count(r => r.S("FileName") == "rundll32.exe") + Rows("DeviceImageLoadEvents").Count(r => r.S("FileName") == "amsi.dll"));

    [Fact]
    public void SearchIn_TwoTables_ByTable() => Check(
        "search in (DeviceProcessEvents, DeviceNetworkEvents) \"malicious\" | summarize count() by $table",
        new[] { "DeviceProcessEvents", "DeviceNetworkEvents" }
            .Select(t => (t, n: (long)Rows(t).Count(r => r.Values.OfType<string>().Any(v => Has(v, "malicious")))))
            .Where(x => x.n > 0).Select(x => V(x.t, x.n)));

    [Fact]
    public void SearchOperator_OnOneTable() => CheckCount(
        "DeviceNetworkEvents | search \"malicious\" | count",
        Rows("DeviceNetworkEvents").Count(r => r.Values.OfType<string>().Any(v => Has(v, "malicious"))));
}

[Collection(HuntingDataCollection.Name)]
public sealed class ParenthesizedTabularQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    [Fact]
    public void LetTabular_InParentheses() => CheckCount(
        "let admins = (DeviceLogonEvents | where IsLocalAdmin | distinct AccountName);\nDeviceProcessEvents | where AccountName in (admins) | count",
        Rows("DeviceProcessEvents").Count(r => Rows("DeviceLogonEvents").Where(l => l.B("IsLocalAdmin")).Select(l => l.S("AccountName")).Contains(r.S("AccountName"))));

    [Fact]
    public void InWithParenthesizedSubquery() => CheckCount(
        "DeviceImageLoadEvents | where SHA1 in ((DeviceFileCertificateInfo | where IsSigned == false | project SHA1)) | count",
        Rows("DeviceImageLoadEvents").Count(r => Rows("DeviceFileCertificateInfo").Any(c => !c.B("IsSigned") && c.S("SHA1") == r.S("SHA1"))));

    [Fact]
    public void ScalarLet_InParentheses_StaysScalar() => CheckCount(
        "let threshold = (4000000); DeviceProcessEvents | where FileSize > threshold | count",
        Rows("DeviceProcessEvents").Count(r => r.L("FileSize") > 4_000_000));
}
