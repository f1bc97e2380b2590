using System.Text.Json.Nodes;

namespace DefenderApi.Hunting.Tests.Corpus;

[Collection(HuntingDataCollection.Name)]
public sealed class DynamicAndHuntingQueries(HuntingDataFixture data) : CorpusTestBase(data)
{
    private static string? Text(JsonNode? node) => node is JsonValue v ? v.ToString() : node?.ToJsonString();

    [Fact]
    public void DynamicMember_PowerShellCommands() => Check(
        "DeviceEvents | where ActionType == \"PowerShellCommand\" | extend Command = tostring(AdditionalFields.Command) | summarize count() by Command",
        Rows("DeviceEvents").Where(r => r.S("ActionType") == "PowerShellCommand").GroupBy(r => Text(r.D("AdditionalFields")?["Command"]) ?? "").Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void ParseJson_BoolMemberCompared() => Check(
        "DeviceEvents | where ActionType == \"AntivirusDetection\" | extend Fields = parse_json(tostring(AdditionalFields)) | where Fields.WasRemediated == true | project ReportId, Threat = tostring(Fields.ThreatName)",
        Rows("DeviceEvents").Where(r => r.S("ActionType") == "AntivirusDetection" && r.D("AdditionalFields")?["WasRemediated"]?.GetValue<bool>() == true)
            .Select(r => V(r["ReportId"], Text(r.D("AdditionalFields")!["ThreatName"]))));

    [Fact]
    public void DynamicArrayIndex_LoggedOnUser() => Check(
        "DeviceInfo | extend User = tostring(LoggedOnUsers[0].UserName) | summarize dcount(DeviceId) by User",
        Rows("DeviceInfo").GroupBy(r => Text(r.D("LoggedOnUsers")![0]!["UserName"])!).Select(g => V(g.Key, (long)g.Select(r => r.S("DeviceId")).Distinct().Count())));

    [Fact]
    public void DynamicArrayIndex_IpAndPrefix() => Check(
        "DeviceNetworkInfo | extend IP = tostring(IPAddresses[0].IPAddress), Prefix = toint(IPAddresses[0][\"SubnetPrefix\"]) | project DeviceName, IP, Prefix",
        Rows("DeviceNetworkInfo").Select(r => V(r["DeviceName"], Text(r.D("IPAddresses")![0]!["IPAddress"]), r.D("IPAddresses")![0]!["SubnetPrefix"]!.GetValue<long>())));

    [Fact]
    public void DynamicMember_ToLongFilter() => CheckCount(
        "DeviceProcessEvents | where isnotempty(AdditionalFields) | extend Key = tolong(AdditionalFields.ProcessStartKey) | where Key > 500000 | count",
        Rows("DeviceProcessEvents").Count(r => r.D("AdditionalFields")?["ProcessStartKey"]?.GetValue<long>() > 500_000));

    [Fact]
    public void Has_OnDynamicArrayText() => Check(
        "DeviceInfo | where DeviceManualTags has \"VIP\" | distinct DeviceId",
        Rows("DeviceInfo").Where(r => r.D("DeviceManualTags")!.AsArray().Any(t => t!.GetValue<string>() == "VIP")).Select(r => r.S("DeviceId")).Distinct().Select(d => V(d)));

    [Fact]
    public void Has_OnDynamicMember() => CheckCount(
        "DeviceEvents | where AdditionalFields.ThreatName has \"Mimikatz\" | count",
        Rows("DeviceEvents").Count(r => Has(Text(r.D("AdditionalFields")?["ThreatName"]) ?? "", "Mimikatz")));

    [Fact]
    public void ArrayLength_OfTags() => Check(
        "DeviceInfo | extend Tags = array_length(DeviceManualTags) | summarize count() by Tags",
        Rows("DeviceInfo").GroupBy(r => (long)r.D("DeviceManualTags")!.AsArray().Count).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void Hunt_EncodedPowerShellByAccount() => Check(
        """
        DeviceProcessEvents
        | where Timestamp > ago(14d)
        | where FileName in~ ("powershell.exe", "pwsh.exe")
        | where ProcessCommandLine has_any ("-EncodedCommand", "-enc")
        | summarize Count = count(), Devices = dcount(DeviceId) by AccountName
        | order by Count desc, AccountName asc
        """,
        Rows("DeviceProcessEvents").Where(r => r.T("Timestamp") > Ago(TimeSpan.FromDays(14)) && (Ci(r.S("FileName"), "powershell.exe") || Ci(r.S("FileName"), "pwsh.exe"))
                && (Has(r.S("ProcessCommandLine"), "-EncodedCommand") || Has(r.S("ProcessCommandLine"), "-enc")))
            .GroupBy(r => r.S("AccountName")).Select(g => (g.Key, Count: (long)g.Count(), Devices: (long)g.Select(r => r.S("DeviceId")).Distinct().Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => V(x.Key, x.Count, x.Devices)),
        ordered: true);

    [Fact]
    public void Hunt_BruteForcePerDay() => CheckCount(
        "DeviceLogonEvents | where ActionType == \"LogonFailed\" | summarize Failures = count() by DeviceName, AccountName, bin(Timestamp, 1d) | where Failures >= 2 | count",
        Rows("DeviceLogonEvents").Where(r => r.S("ActionType") == "LogonFailed")
            .GroupBy(r => (r.S("DeviceName"), r.S("AccountName"), Bin(r.T("Timestamp"), TimeSpan.FromDays(1)))).Count(g => g.Count() >= 2));

    [Fact]
    public void Hunt_RareBinariesAcrossFleet() => Check(
        "DeviceProcessEvents | summarize Machines = dcount(DeviceId) by SHA1, FileName | where Machines < 5 | project FileName, Machines",
        Rows("DeviceProcessEvents").GroupBy(r => (r.S("SHA1"), r.S("FileName"))).Select(g => (FileName: g.Key.Item2, Machines: (long)g.Select(r => r.S("DeviceId")).Distinct().Count()))
            .Where(x => x.Machines < 5).Select(x => V(x.FileName, x.Machines)));

    [Fact]
    public void Hunt_RunKeyPersistence() => Check(
        @"DeviceRegistryEvents | where ActionType == ""RegistryValueSet"" | where RegistryKey endswith @""\CurrentVersion\Run"" | summarize count() by RegistryValueData",
        Rows("DeviceRegistryEvents").Where(r => r.S("ActionType") == "RegistryValueSet" && r.S("RegistryKey").EndsWith(@"\CurrentVersion\Run", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.S("RegistryValueData")).Select(g => V(g.Key, (long)g.Count())));

    [Fact]
    public void Hunt_PublicConnectionsPerProcess() => Check(
        "DeviceNetworkEvents | where RemoteIPType == \"Public\" and ActionType == \"ConnectionSuccess\" | summarize Connections = count(), Ports = make_set(RemotePort) by InitiatingProcessFileName | project InitiatingProcessFileName, Connections, NPorts = array_length(Ports)",
        Rows("DeviceNetworkEvents").Where(r => r.S("RemoteIPType") == "Public" && r.S("ActionType") == "ConnectionSuccess").GroupBy(r => r.S("InitiatingProcessFileName"))
            .Select(g => V(g.Key, (long)g.Count(), (long)g.Select(r => r.L("RemotePort")).Distinct().Count())));

    [Fact]
    public void Hunt_UnsignedImageLoads()
    {
        var unsigned = Rows("DeviceFileCertificateInfo").Where(r => !r.B("IsSigned")).Select(r => r.S("SHA1")).ToList();
        Check(
            "DeviceImageLoadEvents | join kind=inner (DeviceFileCertificateInfo | where IsSigned == false | project SHA1) on SHA1 | summarize count() by FileName",
            Rows("DeviceImageLoadEvents").SelectMany(r => unsigned.Where(u => u == r.S("SHA1")).Select(_ => r)).GroupBy(r => r.S("FileName")).Select(g => V(g.Key, (long)g.Count())));
    }

    [Fact]
    public void Hunt_AlertEvidenceWithLatestOs()
    {
        var latest = Rows("DeviceInfo").GroupBy(r => r.S("DeviceId")).ToDictionary(g => g.Key, g => g.MaxBy(r => r.T("Timestamp"))!.S("OSPlatform"));
        Check(
            "AlertEvidence | where EntityType == \"Machine\" | join kind=leftouter (DeviceInfo | summarize arg_max(Timestamp, OSPlatform) by DeviceId) on DeviceId | project AlertId, OSPlatform",
            Rows("AlertEvidence").Where(r => r.S("EntityType") == "Machine").Select(r => V(r["AlertId"], latest.GetValueOrDefault(r.S("DeviceId"), ""))));
    }

    [Fact]
    public void Hunt_FileDownloadsThenExecuted()
    {
        var downloaded = Rows("DeviceFileEvents").Where(r => r.S("FileOriginUrl").Length > 0 && r.S("FileName").EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.S("SHA1")).ToHashSet();
        Check(
            """
            let downloads = DeviceFileEvents | where isnotempty(FileOriginUrl) and FileName endswith ".exe" | project SHA1;
            DeviceProcessEvents | where SHA1 in (downloads) | summarize Executions = count() by FileName
            """,
            Rows("DeviceProcessEvents").Where(r => downloaded.Contains(r.S("SHA1"))).GroupBy(r => r.S("FileName")).Select(g => V(g.Key, (long)g.Count())));
    }
}
