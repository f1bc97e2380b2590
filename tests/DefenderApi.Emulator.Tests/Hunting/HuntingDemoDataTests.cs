using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Hunting;

/// <summary>The demo hunting data describes the demo machines, the alerts on them and the events that triggered those alerts.</summary>
public sealed class HuntingDemoDataTests(HuntingDemoDataTests.Factory factory) : IClassFixture<HuntingDemoDataTests.Factory>
{
    /// <summary>A small demo tenant whose every machine is a hunting device.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 24;
            UseFakeTime = true;
            Settings["Emulator:Hunting:DemoEvents"] = "3000";
            Settings["Emulator:Hunting:DemoDevices"] = "1000";
        }
    }

    private static string S(JsonElement row, string column) => row.GetProperty(column).GetString()!;

    [Fact]
    public async Task DeviceInfo_DeviceIds_AreTheMachinesApiIds_WithTheirNamesAndPlatforms()
    {
        using var client = await factory.CreateApiClientAsync();
        var machines = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=10000"));

        var devices = await HuntingQueries.ResultsAsync(client, "DeviceInfo | summarize by DeviceId, DeviceName, OSPlatform");
        var networkDevices = await HuntingQueries.ResultsAsync(client, "DeviceNetworkInfo | distinct DeviceId");

        var expected = machines.Select(m => $"{S(m, "id")}|{S(m, "computerDnsName")}|{S(m, "osPlatform")}").Order().ToList();
        Assert.Equal(expected, devices.Select(d => $"{S(d, "DeviceId")}|{S(d, "DeviceName")}|{S(d, "OSPlatform")}").Order());
        Assert.Equal(machines.Select(m => S(m, "id")).Order(), networkDevices.Select(d => S(d, "DeviceId")).Order());
    }

    [Fact]
    public async Task AlertInfo_HasARowForEachDemoAlert_WithItsIdTitleSeverityCategory_AndEvidenceOnItsMachine()
    {
        using var client = await factory.CreateApiClientAsync();
        var alerts = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$top=10000&$expand=evidence"));

        var info = await HuntingQueries.ResultsAsync(client, "AlertInfo | project AlertId, Title, Severity, Category");
        var machines = await HuntingQueries.ResultsAsync(client, "AlertEvidence | where EntityType == 'Machine' | project AlertId, DeviceId");
        var addresses = await HuntingQueries.ResultsAsync(client, "AlertEvidence | where EntityType == 'Ip' | project AlertId, RemoteIP");
        var files = await HuntingQueries.ResultsAsync(client, "AlertEvidence | where EntityType == 'File' | project AlertId, SHA1, SHA256, FileName");

        Assert.NotEmpty(alerts);
        Assert.Equal(
            alerts.Select(a => $"{S(a, "id")}|{S(a, "title")}|{S(a, "severity")}|{S(a, "category")}").Order(),
            info.Select(r => $"{S(r, "AlertId")}|{S(r, "Title")}|{S(r, "Severity")}|{S(r, "Category")}").Order());
        Assert.Equal(alerts.Select(a => $"{S(a, "id")}|{S(a, "machineId")}").Order(), machines.Select(r => $"{S(r, "AlertId")}|{S(r, "DeviceId")}").Order());
        string Evidence(JsonElement alert, string type, params string[] fields) =>
            string.Join(";", alert.GetProperty("evidence").EnumerateArray().Where(e => S(e, "entityType") == type).Select(e => string.Join("|", fields.Select(f => S(e, f)))));
        Assert.Equal(
            alerts.Select(a => $"{S(a, "id")}|{Evidence(a, "Ip", "ipAddress")}").Order(),
            addresses.Select(r => $"{S(r, "AlertId")}|{S(r, "RemoteIP")}").Order());
        Assert.Equal(
            alerts.Select(a => $"{S(a, "id")}|{Evidence(a, "File", "sha1", "sha256", "fileName")}").Order(),
            files.Select(r => $"{S(r, "AlertId")}|{S(r, "SHA1")}|{S(r, "SHA256")}|{S(r, "FileName")}").Order());
    }

    [Fact]
    public async Task AlertEvidence_JoinedToDeviceProcessEvents_OnSha1_FindsEachAlertsTriggeringEvent_OnItsDevice()
    {
        using var client = await factory.CreateApiClientAsync();
        var alerts = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$top=10000"));

        var triggered = await HuntingQueries.ResultsAsync(client, """
            AlertEvidence
            | where EntityType == "File"
            | project AlertId, SHA1, AlertDevice = DeviceId
            | join kind=inner (DeviceProcessEvents | project SHA1, DeviceId, ReportId, Timestamp) on SHA1
            | where DeviceId == AlertDevice
            | summarize Events = count(), ReportId = max(ReportId) by AlertId
            """);

        Assert.Equal(alerts.Select(a => S(a, "id")).Order(), triggered.Select(r => S(r, "AlertId")).Order());
        Assert.All(triggered, r => Assert.True(r.GetProperty("ReportId").GetInt64() > 0));
    }
}
