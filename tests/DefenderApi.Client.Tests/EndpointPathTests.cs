using System.Net;
using DefenderApi.Client.Models;
using DefenderApi.Client.Tests.Infrastructure;

namespace DefenderApi.Client.Tests;

/// <summary>Every client method calls the documented method and path (the machine pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
public sealed class EndpointPathTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IndicatorSubmission Indicator = new() { IndicatorValue = "1.2.3.4", IndicatorType = "IpAddress", Action = "Block", Title = "t", Description = "d" };

    private static readonly Dictionary<string, Func<DefenderClient, CancellationToken, Task>> Calls = new()
    {
        ["GET /api/machines"] = (c, ct) => c.GetMachinesAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1"] = (c, ct) => c.GetMachineAsync("m1", ct),
        ["PATCH /api/machines/m1"] = (c, ct) => c.UpdateMachineAsync("m1", new MachineUpdate { DeviceValue = "High" }, ct),
        ["POST /api/machines/m1/tags"] = (c, ct) => c.TagMachineAsync("m1", "t", TagAction.Add, ct),
        ["POST /api/machines/AddOrRemoveTagForMultipleMachines"] = (c, ct) => c.TagMachinesAsync(["m1"], "t", TagAction.Add, ct),
        ["POST /api/machines/m1/setDeviceValue"] = (c, ct) => c.SetDeviceValueAsync("m1", "Low", ct),
        ["GET /api/machines/findbyip(ip='10.0.0.1',timestamp=2026-03-01T12:00:00Z)"] = (c, ct) => c.FindMachinesByIpAsync("10.0.0.1", At, ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/find(timestamp=2026-03-01T12:00:00Z,key='10.0.0.1')"] = (c, ct) => c.FindMachinesAsync("10.0.0.1", At, ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/findbytag?tag=VIP&useStartsWithFilter=true"] = (c, ct) => c.FindMachinesByTagAsync("VIP", true, ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/logonusers"] = (c, ct) => c.GetMachineLogOnUsersAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/alerts"] = (c, ct) => c.GetMachineAlertsAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/software"] = (c, ct) => c.GetMachineSoftwareAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/vulnerabilities"] = (c, ct) => c.GetMachineVulnerabilitiesAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/recommendations"] = (c, ct) => c.GetMachineRecommendationsAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/m1/getmissingkbs"] = (c, ct) => c.GetMachineMissingKbsAsync("m1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/machineactions"] = (c, ct) => c.GetMachineActionsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/machineactions/a1"] = (c, ct) => c.GetMachineActionAsync("a1", ct),
        ["POST /api/machines/m1/isolate"] = (c, ct) => c.IsolateMachineAsync("m1", "c", cancellationToken: ct),
        ["POST /api/machines/m1/unisolate"] = (c, ct) => c.UnisolateMachineAsync("m1", "c", ct),
        ["POST /api/machines/m1/restrictCodeExecution"] = (c, ct) => c.RestrictCodeExecutionAsync("m1", "c", ct),
        ["POST /api/machines/m1/unrestrictCodeExecution"] = (c, ct) => c.UnrestrictCodeExecutionAsync("m1", "c", ct),
        ["POST /api/machines/m1/runAntiVirusScan"] = (c, ct) => c.RunAntivirusScanAsync("m1", "c", ScanType.Quick, ct),
        ["POST /api/machines/m1/collectInvestigationPackage"] = (c, ct) => c.CollectInvestigationPackageAsync("m1", "c", ct),
        ["GET /api/machineactions/a1/getPackageUri"] = (c, ct) => c.GetPackageUriAsync("a1", ct),
        ["POST /api/machines/m1/StopAndQuarantineFile"] = (c, ct) => c.StopAndQuarantineFileAsync("m1", "c", "abc", ct),
        ["POST /api/machines/m1/offboard"] = (c, ct) => c.OffboardMachineAsync("m1", "c", ct),
        ["POST /api/machines/m1/runliveresponse"] = (c, ct) => c.RunLiveResponseAsync("m1", new LiveResponseRequest { Commands = [LiveResponseCommand.PutFile("f")] }, ct),
        ["GET /api/machineactions/a1/GetLiveResponseResultDownloadLink(index=0)"] = (c, ct) => c.GetLiveResponseResultDownloadLinkAsync("a1", 0, ct),
        ["POST /api/machineactions/a1/cancel"] = (c, ct) => c.CancelMachineActionAsync("a1", "c", ct),
        ["GET /api/alerts"] = (c, ct) => c.GetAlertsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/alerts/x1"] = (c, ct) => c.GetAlertAsync("x1", ct),
        ["PATCH /api/alerts/x1"] = (c, ct) => c.UpdateAlertAsync("x1", new AlertUpdate { Status = "Resolved" }, ct),
        ["POST /api/alerts/batchUpdate"] = (c, ct) => c.BatchUpdateAlertsAsync(new AlertBatchUpdate { AlertIds = ["x1"], Status = "Resolved" }, ct),
        ["GET /api/incidents"] = (c, ct) => c.ListIncidentsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["POST /api/advancedhunting/run"] = (c, ct) => c.RunXdrHuntingQueryAsync("EmailEvents | take 1", ct),
        ["GET /api/incidents/42"] = (c, ct) => c.GetIncidentAsync(42, ct),
        ["PATCH /api/incidents/42"] = (c, ct) => c.UpdateIncidentAsync(42, new IncidentUpdate { Status = "Resolved" }, ct),
        ["POST /api/alerts/CreateAlertByReference"] = (c, ct) => c.CreateAlertByReferenceAsync(new AlertByReference { EventTime = "e", ReportId = "1", MachineId = "m1", Severity = "Low", Title = "t", Description = "d", RecommendedAction = "r", Category = "General" }, ct),
        ["GET /api/alerts/x1/domains"] = (c, ct) => c.GetAlertDomainsAsync("x1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/alerts/x1/files"] = (c, ct) => c.GetAlertFilesAsync("x1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/alerts/x1/ips"] = (c, ct) => c.GetAlertIpsAsync("x1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/alerts/x1/machine"] = (c, ct) => c.GetAlertMachineAsync("x1", ct),
        ["GET /api/alerts/x1/user"] = (c, ct) => c.GetAlertUserAsync("x1", ct),
        ["GET /api/indicators"] = (c, ct) => c.GetIndicatorsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["POST /api/indicators"] = (c, ct) => c.SubmitIndicatorAsync(Indicator, ct),
        ["POST /api/indicators/import"] = (c, ct) => c.ImportIndicatorsAsync([Indicator], ct),
        ["DELETE /api/indicators/995"] = (c, ct) => c.DeleteIndicatorAsync("995", ct),
        ["POST /api/indicators/BatchDelete"] = (c, ct) => c.BatchDeleteIndicatorsAsync(["995"], ct),
        ["POST /api/advancedqueries/run"] = (c, ct) => c.RunAdvancedQueryAsync("DeviceInfo", ct),
        ["GET /api/files/f1"] = (c, ct) => c.GetFileAsync("f1", ct),
        ["GET /api/files/f1/stats?lookBackHours=48"] = (c, ct) => c.GetFileStatsAsync("f1", 48, ct),
        ["GET /api/files/f1/alerts"] = (c, ct) => c.GetFileAlertsAsync("f1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/files/f1/machines"] = (c, ct) => c.GetFileMachinesAsync("f1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/ips/10.0.0.1/alerts"] = (c, ct) => c.GetIpAlertsAsync("10.0.0.1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/ips/10.0.0.1/stats"] = (c, ct) => c.GetIpStatsAsync("10.0.0.1", cancellationToken: ct),
        ["GET /api/domains/contoso.com/alerts"] = (c, ct) => c.GetDomainAlertsAsync("contoso.com", ct).ToListAsync(ct).AsTask(),
        ["GET /api/domains/contoso.com/machines"] = (c, ct) => c.GetDomainMachinesAsync("contoso.com", ct).ToListAsync(ct).AsTask(),
        ["GET /api/domains/contoso.com/stats"] = (c, ct) => c.GetDomainStatsAsync("contoso.com", cancellationToken: ct),
        ["GET /api/users/user1/alerts"] = (c, ct) => c.GetUserAlertsAsync("user1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/users/user1/machines"] = (c, ct) => c.GetUserMachinesAsync("user1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/investigations"] = (c, ct) => c.GetInvestigationsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/investigations/i1"] = (c, ct) => c.GetInvestigationAsync("i1", ct),
        ["POST /api/machines/m1/startInvestigation"] = (c, ct) => c.StartInvestigationAsync("m1", "c", ct),
        ["GET /api/libraryfiles"] = (c, ct) => c.GetLibraryFilesAsync(ct).ToListAsync(ct).AsTask(),
        ["POST /api/libraryfiles"] = (c, ct) => c.UploadLibraryFileAsync(new LibraryFileUpload { FileName = "a.ps1", Content = "x"u8.ToArray() }, ct),
        ["DELETE /api/libraryfiles/a.ps1"] = (c, ct) => c.DeleteLibraryFileAsync("a.ps1", ct),
        ["GET /api/Software"] = (c, ct) => c.GetSoftwareListAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/Software/microsoft-_-edge"] = (c, ct) => c.GetSoftwareAsync("microsoft-_-edge", ct),
        ["GET /api/Software/microsoft-_-edge/distributions"] = (c, ct) => c.GetSoftwareDistributionsAsync("microsoft-_-edge", ct).ToListAsync(ct).AsTask(),
        ["GET /api/Software/microsoft-_-edge/machineReferences"] = (c, ct) => c.GetSoftwareMachineReferencesAsync("microsoft-_-edge", ct).ToListAsync(ct).AsTask(),
        ["GET /api/Software/microsoft-_-edge/vulnerabilities"] = (c, ct) => c.GetSoftwareVulnerabilitiesAsync("microsoft-_-edge", ct).ToListAsync(ct).AsTask(),
        ["GET /api/Software/microsoft-_-edge/getmissingkbs"] = (c, ct) => c.GetSoftwareMissingKbsAsync("microsoft-_-edge", ct).ToListAsync(ct).AsTask(),
        ["GET /api/vulnerabilities"] = (c, ct) => c.GetVulnerabilitiesAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/vulnerabilities/machinesVulnerabilities"] = (c, ct) => c.GetMachineVulnerabilityRowsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/vulnerabilities/CVE-2024-1"] = (c, ct) => c.GetVulnerabilityAsync("CVE-2024-1", ct),
        ["GET /api/vulnerabilities/CVE-2024-1/machineReferences"] = (c, ct) => c.GetVulnerabilityMachineReferencesAsync("CVE-2024-1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/recommendations"] = (c, ct) => c.GetRecommendationsAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/recommendations/r1"] = (c, ct) => c.GetRecommendationAsync("r1", ct),
        ["GET /api/recommendations/r1/software"] = (c, ct) => c.GetRecommendationSoftwareAsync("r1", ct),
        ["GET /api/recommendations/r1/machineReferences"] = (c, ct) => c.GetRecommendationMachineReferencesAsync("r1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/recommendations/r1/vulnerabilities"] = (c, ct) => c.GetRecommendationVulnerabilitiesAsync("r1", ct).ToListAsync(ct).AsTask(),
        ["GET /api/exposureScore"] = (c, ct) => c.GetExposureScoreAsync(ct),
        ["GET /api/exposureScore/ByMachineGroups"] = (c, ct) => c.GetExposureScoreByMachineGroupsAsync(ct).ToListAsync(ct).AsTask(),
        ["GET /api/configurationScore"] = (c, ct) => c.GetConfigurationScoreAsync(ct),
        ["GET /api/deviceavinfo"] = (c, ct) => c.GetDeviceAvInfoAsync(cancellationToken: ct).ToListAsync(ct).AsTask(),
        ["GET /api/machines/InfoGatheringExport?sasValidHours=2"] = (c, ct) => c.ExportDeviceHealthAsync(2, ct),
    };

    public static TheoryData<string> Endpoints => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Method_CallsTheDocumentedEndpoint(string endpoint)
    {
        var harness = new ClientHarness();
        harness.Transport.Fallback = request => request.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(BodyFor(request.RequestUri!)) };

        await Calls[endpoint](harness.Client, TestContext.Current.CancellationToken);

        var sent = harness.Transport.Requests.Single();
        Assert.Equal(endpoint, $"{sent.Method} {Uri.UnescapeDataString(sent.Uri.PathAndQuery)}");
    }

    /// <summary>Download-link calls read <c>value</c> as a URL; every other reader accepts an empty collection page.</summary>
    private static string BodyFor(Uri uri) =>
        uri.AbsolutePath.Contains("DownloadLink", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith("getPackageUri", StringComparison.Ordinal)
            ? """{"value":"https://download.example/x"}"""
            : """{"value":[]}""";

    [Fact]
    public async Task ListIncidents_TypedFilter_SendsTheFilterOnTheWireName()
    {
        var harness = new ClientHarness();
        harness.Transport.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"value":[]}""") };

        await harness.Client.ListIncidentsAsync(new DefenderApi.Client.Query.ODataQuery<IncidentFilter>().Filter(i => i.LastUpdateTime >= At).Top(100),
            TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var sent = harness.Transport.Requests.Single();
        Assert.Equal("GET /api/incidents?$filter=lastUpdateTime ge 2026-03-01T12:00:00Z&$top=100", $"{sent.Method} {Uri.UnescapeDataString(sent.Uri.PathAndQuery)}");
    }

    [Fact]
    public void EveryPublicAsyncMethod_IsVirtual_ForMocking()
    {
        var methods = typeof(DefenderClient).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);

        Assert.All(methods.Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)), m => Assert.True(m.IsVirtual, m.Name));
        Assert.True(methods.Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal)) >= Calls.Count + 1);
    }
}
