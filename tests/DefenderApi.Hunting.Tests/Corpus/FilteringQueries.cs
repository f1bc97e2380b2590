using System.Text.RegularExpressions;

namespace DefenderApi.Hunting.Tests.Corpus;

[Collection(HuntingDataCollection.Name)]
public sealed class FilteringQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    [Fact]
    public void DocsExample_PowerShellWithAppdata_ProjectsFourColumns() => Check(
        "DeviceProcessEvents |where InitiatingProcessFileName =~ 'powershell.exe' |where ProcessCommandLine contains 'appdata'|project Timestamp, FileName, InitiatingProcessFileName, DeviceId",
        Rows("DeviceProcessEvents").Where(r => Ci(r.S("InitiatingProcessFileName"), "powershell.exe") && Contains(r.S("ProcessCommandLine"), "appdata"))
            .Select(r => V(r["Timestamp"], r["FileName"], r["InitiatingProcessFileName"], r["DeviceId"])));

    [Fact]
    public void XdrDocsExample_LatestTwoPowerShellChildren_InTimestampOrder() => Check(
        "DeviceProcessEvents | where InitiatingProcessFileName =~ \"powershell.exe\" | project Timestamp, FileName, InitiatingProcessFileName | order by Timestamp desc | limit 2",
        Rows("DeviceProcessEvents").Where(r => Ci(r.S("InitiatingProcessFileName"), "powershell.exe")).OrderByDescending(r => r.T("Timestamp")).Take(2)
            .Select(r => V(r["Timestamp"], r["FileName"], r["InitiatingProcessFileName"])),
        ordered: true);

    [Fact]
    public void Ago_SevenDays_CountsRecentEvents() =>
        CheckCount("DeviceProcessEvents | where Timestamp > ago(7d) | count", Rows("DeviceProcessEvents").Count(r => r.T("Timestamp") > Ago(TimeSpan.FromDays(7))));

    [Fact]
    public void In_ListOfBinaries_IsCaseSensitive() => Check(
        "DeviceProcessEvents | where FileName in (\"certutil.exe\", \"mshta.exe\", \"CMD.EXE\") | project ReportId",
        Rows("DeviceProcessEvents").Where(r => r.S("FileName") is "certutil.exe" or "mshta.exe").Select(r => V(r["ReportId"])));

    [Fact]
    public void NotIn_ExcludesNoisyBinaries() => CheckCount(
        "DeviceProcessEvents | where FileName !in (\"svchost.exe\", \"conhost.exe\") | count",
        Rows("DeviceProcessEvents").Count(r => r.S("FileName") is not ("svchost.exe" or "conhost.exe")));

    [Fact]
    public void InTilde_IgnoresCase() => CheckCount(
        "DeviceProcessEvents | where FileName in~ (\"CMD.EXE\", \"PowerShell.exe\") | count",
        Rows("DeviceProcessEvents").Count(r => Ci(r.S("FileName"), "cmd.exe") || Ci(r.S("FileName"), "powershell.exe")));

    [Fact]
    public void Has_MatchesWholeTerm() => Check(
        "DeviceProcessEvents | where ProcessCommandLine has \"EncodedCommand\" | project ReportId",
        Rows("DeviceProcessEvents").Where(r => Has(r.S("ProcessCommandLine"), "EncodedCommand")).Select(r => V(r["ReportId"])));

    [Fact]
    public void Has_DoesNotMatchInsideAWord() =>
        CheckCount("DeviceProcessEvents | where ProcessCommandLine has \"ncodedComman\" | count", 0);

    [Fact]
    public void NotHas_CombinedWithEquality() => CheckCount(
        "DeviceProcessEvents | where ProcessCommandLine !has \"whoami\" and FileName == \"cmd.exe\" | count",
        Rows("DeviceProcessEvents").Count(r => !Has(r.S("ProcessCommandLine"), "whoami") && r.S("FileName") == "cmd.exe"));

    [Fact]
    public void StartsWith_IgnoresCase() => CheckCount(
        "DeviceProcessEvents | where ProcessCommandLine startswith \"POWERSHELL\" | count",
        Rows("DeviceProcessEvents").Count(r => r.S("ProcessCommandLine").StartsWith("powershell", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void EndsWith_VerbatimPath() => CheckCount(
        @"DeviceProcessEvents | where FolderPath endswith @""\system32\CMD.exe"" | count",
        Rows("DeviceProcessEvents").Count(r => r.S("FolderPath").EndsWith(@"\System32\cmd.exe", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void StartsWithCs_NegatedIsCaseSensitive() => CheckCount(
        "DeviceProcessEvents | where FileName !startswith_cs \"Power\" | count",
        Rows("DeviceProcessEvents").Count(r => !r.S("FileName").StartsWith("Power", StringComparison.Ordinal)));

    [Fact]
    public void ContainsCs_RespectsCase() => CheckCount(
        "DeviceProcessEvents | where ProcessCommandLine contains_cs \"Invoke\" | count",
        Rows("DeviceProcessEvents").Count(r => r.S("ProcessCommandLine").Contains("Invoke", StringComparison.Ordinal)));

    [Fact]
    public void MatchesRegex_FindsCertutilDownloads() => Check(
        @"DeviceProcessEvents | where ProcessCommandLine matches regex @""-urlcache\s+-split"" | project ReportId",
        Rows("DeviceProcessEvents").Where(r => Regex.IsMatch(r.S("ProcessCommandLine"), @"-urlcache\s+-split")).Select(r => V(r["ReportId"])));

    [Fact]
    public void Between_PortRange() => CheckCount(
        "DeviceNetworkEvents | where RemotePort between (400 .. 500) | count",
        Rows("DeviceNetworkEvents").Count(r => r.L("RemotePort") is >= 400 and <= 500));

    [Fact]
    public void Between_TimeWindowWithAgo() => CheckCount(
        "DeviceProcessEvents | where Timestamp between (ago(3d) .. ago(1d)) | count",
        Rows("DeviceProcessEvents").Count(r => r.T("Timestamp") >= Ago(TimeSpan.FromDays(3)) && r.T("Timestamp") <= Ago(TimeSpan.FromDays(1))));

    [Fact]
    public void NotStartsWith_PublicAddresses_DistinctCount() => Check(
        "DeviceNetworkEvents | where RemoteIP !startswith \"10.\" and RemoteIP !startswith \"192.168.\" | summarize dcount(RemoteIP)",
        [[(long)Rows("DeviceNetworkEvents").Where(r => !r.S("RemoteIP").StartsWith("10.", StringComparison.Ordinal) && !r.S("RemoteIP").StartsWith("192.168.", StringComparison.Ordinal)).Select(r => r.S("RemoteIP")).Distinct().Count()]]);

    [Fact]
    public void Has_TermInsideDomainName() => CheckCount(
        "DeviceNetworkEvents | where RemoteUrl has \"microsoft\" | count",
        Rows("DeviceNetworkEvents").Count(r => Has(r.S("RemoteUrl"), "microsoft")));

    [Fact]
    public void FailedNetworkLogons() => CheckCount(
        "DeviceLogonEvents | where ActionType == \"LogonFailed\" and LogonType in (\"Network\", \"RemoteInteractive\") | count",
        Rows("DeviceLogonEvents").Count(r => r.S("ActionType") == "LogonFailed" && r.S("LogonType") is "Network" or "RemoteInteractive"));

    [Fact]
    public void BoolColumn_AsPredicateAndCompared() => Check(
        "DeviceLogonEvents | where IsLocalAdmin | summarize A = count() | extend B = toscalar(DeviceLogonEvents | where IsLocalAdmin == true | count)",
        [V((long)Rows("DeviceLogonEvents").Count(r => r.B("IsLocalAdmin")), (long)Rows("DeviceLogonEvents").Count(r => r.B("IsLocalAdmin")))]);

    [Fact]
    public void IsNotEmpty_AndIsEmpty_Partition() => Check(
        "DeviceFileEvents | summarize WithOrigin = countif(isnotempty(FileOriginUrl)), WithoutOrigin = countif(isempty(FileOriginUrl))",
        [V((long)Rows("DeviceFileEvents").Count(r => r.S("FileOriginUrl").Length > 0), (long)Rows("DeviceFileEvents").Count(r => r.S("FileOriginUrl").Length == 0))]);

    [Fact]
    public void Has_RegistryRunKeyWithBackslash() => Check(
        @"DeviceRegistryEvents | where RegistryKey has @""CurrentVersion\Run"" | summarize count() by RegistryKey",
        Rows("DeviceRegistryEvents").Where(r => Has(r.S("RegistryKey"), @"CurrentVersion\Run")).GroupBy(r => r.S("RegistryKey")).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void Not_Function_NegatesPredicate() => CheckCount(
        "DeviceProcessEvents | where not(FileName endswith \".exe\") | count",
        Rows("DeviceProcessEvents").Count(r => !r.S("FileName").EndsWith(".exe", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void AndBindsTighterThanOr() => CheckCount(
        "DeviceProcessEvents | where FileName =~ \"POWERSHELL.EXE\" or FileName !~ \"cmd.exe\" and FileSize > 4000000 | count",
        Rows("DeviceProcessEvents").Count(r => Ci(r.S("FileName"), "powershell.exe") || (!Ci(r.S("FileName"), "cmd.exe") && r.L("FileSize") > 4_000_000)));

    [Fact]
    public void Lookback_HidesRowsOlderThanThirtyDays()
    {
        Assert.Contains(Data.All("DeviceProcessEvents"), r => r.T("Timestamp") < Ago(TimeSpan.FromDays(30)));
        CheckCount("DeviceProcessEvents | where Timestamp < ago(30d) | count", 0);
    }

    [Fact]
    public void TenantIsolation_OtherTenantsDevicesAreInvisible() =>
        CheckCount("union DeviceProcessEvents, DeviceInfo | where DeviceName == \"tenantb-only.contoso.com\" | count", 0);
}
