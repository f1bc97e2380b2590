using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Hunting;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

/// <summary>
/// A machine's derived fields follow what the tenant holds about it (docs/fidelity.md, "Machines follow their world"):
/// risk from its open alerts, exposure from its vulnerabilities, last seen, address and health from its events; and
/// alerts loaded through the admin API join the hunting tables. Each test plays in a tenant of its own.
/// </summary>
public sealed class MachineStateTests(MachineStateTests.Factory factory) : IClassFixture<MachineStateTests.Factory>
{
    /// <summary>No demo data, on the fake clock.</summary>
    public sealed class Factory : ProtectedApiFactory;

    private static readonly DateTimeOffset Now = EmulatorFactory.StartTime;

    [Fact]
    public async Task RiskScore_IsTheHighestSeverityOfTheDevicesOpenAlerts_AndNoneOnceAllAreResolved()
    {
        var (tenant, client) = await TenantAsync();
        await TestMachines.LoadAsync(factory, "alerts", [Alert("da1_1", TestMachines.Windows11, "High", "New"), Alert("da1_2", TestMachines.Windows11, "Low", "InProgress")], tenant);
        var both = await RiskAsync(client, TestMachines.Windows11);

        using (await client.PatchAsync("/api/alerts/da1_1", JsonContent.Create(new { status = "Resolved" })))
        {
        }

        var lowLeft = await RiskAsync(client, TestMachines.Windows11);
        using (await client.PostAsync("/api/alerts/batchUpdate", JsonContent.Create(new { alertIds = new[] { "da1_2" }, status = "Resolved" })))
        {
        }

        Assert.Equal("High", both);
        Assert.Equal("Low", lowLeft);
        Assert.Equal("None", await RiskAsync(client, TestMachines.Windows11));
        Assert.Equal("Low", await RiskAsync(client, TestMachines.Linux));
    }

    [Fact]
    public async Task ExposureLevel_FollowsTheWorstLoadedVulnerability_CriticalCountingAsHigh()
    {
        var (tenant, client) = await TenantAsync();

        await TestMachines.LoadAsync(factory, "machinevulnerabilities",
        [
            new { machineId = TestMachines.Linux, id = "CVE-2019-1348", name = "CVE-2019-1348", severity = "Medium", cvssV3 = 4.3, exposedMachines = 1 },
            new { machineId = TestMachines.Linux, id = "CVE-2020-6494", name = "CVE-2020-6494", severity = "Critical", cvssV3 = 9.8, exposedMachines = 1 },
            new { machineId = TestMachines.MacOs, id = "CVE-2019-1348", name = "CVE-2019-1348", severity = "Low", cvssV3 = 3.1, exposedMachines = 1 },
        ], tenant);

        Assert.Equal("High", (await MachineAsync(client, TestMachines.Linux)).GetProperty("exposureLevel").GetString());
        Assert.Equal("Low", (await MachineAsync(client, TestMachines.MacOs)).GetProperty("exposureLevel").GetString());
    }

    [Fact]
    public async Task NetworkEvent_NewerThanLastSeen_MovesLastSeenAndLastIpAddress_AnOlderOneMovesNeither()
    {
        var (tenant, client) = await TenantAsync();

        await TestMachines.LoadAsync(factory, "DeviceNetworkEvents", [NetworkEvent(TestMachines.Windows11, "2026-11-02T08:59:30.1234567Z", "10.1.2.3")], tenant);
        var moved = await MachineAsync(client, TestMachines.Windows11);
        await TestMachines.LoadAsync(factory, "DeviceNetworkEvents", [NetworkEvent(TestMachines.Windows11, "2026-11-01T08:00:00Z", "10.9.9.9")], tenant);
        var after = await MachineAsync(client, TestMachines.Windows11);

        Assert.Equal("2026-11-02T08:59:30.1234567Z", moved.GetProperty("lastSeen").GetString());
        Assert.Equal("10.1.2.3", moved.GetProperty("lastIpAddress").GetString());
        Assert.Equal("2026-11-02T08:59:30.1234567Z", after.GetProperty("lastSeen").GetString());
        Assert.Equal("10.1.2.3", after.GetProperty("lastIpAddress").GetString());
    }

    [Fact]
    public async Task Device_WhoseLastSignalIsSevenDaysOld_IsInactive_AndActiveAgainOnceItReports()
    {
        var (tenant, client) = await TenantAsync();
        var silent = (Dictionary<string, object?>)Json(TestMachines.Machine("7777777777777777777777777777777777777777", "old-01.contoso.com", "Windows11", "23H2", 22631, "10.8760.22631.3447", Now));
        silent["lastSeen"] = Now.AddDays(-10);
        await TestMachines.LoadAsync(factory, "machines", [silent], tenant);

        await TestMachines.LoadAsync(factory, "DeviceProcessEvents", [ProcessEvent("7777777777777777777777777777777777777777", "2026-10-26T09:00:00Z")], tenant);
        var stale = await MachineAsync(client, "7777777777777777777777777777777777777777");
        await TestMachines.LoadAsync(factory, "DeviceProcessEvents", [ProcessEvent("7777777777777777777777777777777777777777", "2026-11-02T08:00:00Z")], tenant);
        var back = await MachineAsync(client, "7777777777777777777777777777777777777777");

        Assert.Equal("2026-10-26T09:00:00Z", stale.GetProperty("lastSeen").GetString());
        Assert.Equal("Inactive", stale.GetProperty("healthStatus").GetString());
        Assert.Equal("Active", back.GetProperty("healthStatus").GetString());
    }

    [Fact]
    public async Task LoadedAlert_HasOneAlertInfoRow_AndReloadingItReplacesTheRow()
    {
        var (tenant, client) = await TenantAsync();

        await TestMachines.LoadAsync(factory, "alerts", [Alert("da2_1", TestMachines.Linux, "Medium", "New")], tenant);
        await TestMachines.LoadAsync(factory, "alerts", [Alert("da2_1", TestMachines.Linux, "High", "New", "Renamed detection")], tenant);
        var rows = await HuntingQueries.ResultsAsync(client, "AlertInfo | where AlertId == 'da2_1' | project Title, Severity, Category, DetectionSource");
        var evidence = await HuntingQueries.CountAsync(client, $"AlertEvidence | where AlertId == 'da2_1' and DeviceId == '{TestMachines.Linux}' | count");

        Assert.Equal("""{"Title":"Renamed detection","Severity":"High","Category":"Execution","DetectionSource":"EDR"}""", Assert.Single(rows).GetRawText());
        Assert.Equal(1, evidence);
    }

    private async Task<(Guid Tenant, HttpClient Client)> TenantAsync()
    {
        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant);
        await factory.RegisterAppAsync("state", "secret", ["Machine.Read.All", "Alert.ReadWrite.All", "AdvancedQuery.Read.All"], tenant);
        await TestMachines.LoadAsync(factory, "machines", TestMachines.Standard(Now), tenant);
        return (tenant, await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("state", "secret", tenant)));
    }

    private static async Task<JsonElement> MachineAsync(HttpClient client, string id) => await ODataJson.OkAsync(await client.GetAsync($"/api/machines/{id}"));

    private static async Task<string?> RiskAsync(HttpClient client, string id) => (await MachineAsync(client, id)).GetProperty("riskScore").GetString();

    private static object Json(object value) => JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(value))!;

    private static object Alert(string id, string machineId, string severity, string status, string title = "Loaded detection") => new
    {
        id, machineId, severity, status, title, category = "Execution", detectionSource = "WindowsDefenderAtp",
        alertCreationTime = Now.AddHours(-2), lastUpdateTime = Now.AddHours(-2),
    };

    private static Dictionary<string, object> NetworkEvent(string deviceId, string timestamp, string localIp) => new()
    {
        ["Timestamp"] = timestamp, ["DeviceId"] = deviceId, ["ActionType"] = "ConnectionSuccess", ["RemoteIP"] = "198.51.100.9", ["LocalIP"] = localIp, ["ReportId"] = 11,
    };

    private static Dictionary<string, object> ProcessEvent(string deviceId, string timestamp) => new()
    {
        ["Timestamp"] = timestamp, ["DeviceId"] = deviceId, ["ActionType"] = "ProcessCreated", ["FileName"] = "notepad.exe", ["ReportId"] = 12,
    };
}
