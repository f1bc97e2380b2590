using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Entities;

/// <summary>
/// File, IP and domain statistics and related machines count the devices whose hunting events show the entity
/// (<see href="https://learn.microsoft.com/defender-endpoint/api/get-ip-statistics">Get IP statistics API</see>: "distinct devices that opened a connection"), including rows loaded through the admin API.
/// </summary>
public sealed class EntityStatsFromEventsTests(EntityStatsFromEventsTests.Factory factory) : IClassFixture<EntityStatsFromEventsTests.Factory>
{
    private const string Sha1 = "3395856ce81f2b7382dee72602f798b642f14140";

    /// <summary>No demo data, on the fake clock so loaded rows stay in the look-back window.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory() => UseFakeTime = true;
    }

    [Fact]
    public async Task IpStats_CountDevicesWhoseNetworkEventsReachTheIp_InTheLookBackWindowOnly()
    {
        await TestMachines.LoadStandardAsync(factory);
        using var client = await factory.CreateApiClientAsync();
        var before = await ODataJson.OkAsync(await client.GetAsync("/api/ips/203.0.113.7/stats"));

        await TestMachines.LoadAsync(factory, "DeviceNetworkEvents",
        [
            NetworkEvent(TestMachines.Windows11, "2026-11-01T10:00:00.5Z", "203.0.113.7", "https://c2.example.net/beacon"),
            NetworkEvent(TestMachines.Linux, "2026-11-02T08:30:00Z", "203.0.113.7", ""),
            NetworkEvent(TestMachines.MacOs, "2026-10-20T08:30:00Z", "203.0.113.7", ""),
        ]);
        var day = await ODataJson.OkAsync(await client.GetAsync("/api/ips/203.0.113.7/stats?lookBackHours=48"));
        var month = await ODataJson.OkAsync(await client.GetAsync("/api/ips/203.0.113.7/stats"));

        Assert.Equal(0, before.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal(
            """{"@odata.context":"http://localhost/api/$metadata#microsoft.windowsDefenderATP.api.InOrgIPStats","ipAddress":"203.0.113.7","organizationPrevalence":2,"orgFirstSeen":"2026-11-01T10:00:00.5Z","orgLastSeen":"2026-11-02T08:30:00Z"}""",
            day.GetRawText());
        Assert.Equal(3, month.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal("2026-10-20T08:30:00Z", month.GetProperty("orgFirstSeen").GetString());
    }

    [Fact]
    public async Task DomainStatsAndMachines_CountDevicesWhoseEventsReachTheHost_WhateverTheUrlShape()
    {
        await TestMachines.LoadStandardAsync(factory);
        await TestMachines.LoadAsync(factory, "DeviceNetworkEvents",
        [
            NetworkEvent(TestMachines.Windows11, "2026-11-01T09:00:00Z", "198.51.100.4", "https://Drop.Example.org/payload.bin"),
            NetworkEvent(TestMachines.Windows10v1607, "2026-11-01T09:05:00Z", "198.51.100.4", "drop.example.org:443"),
            NetworkEvent(TestMachines.Linux, "2026-11-01T09:10:00Z", "198.51.100.5", "https://notdrop.example.org/"),
        ]);
        using var client = await factory.CreateApiClientAsync();

        var stats = await ODataJson.OkAsync(await client.GetAsync("/api/domains/drop.example.org/stats"));
        var machines = await ODataJson.OkAsync(await client.GetAsync("/api/domains/drop.example.org/machines"));

        Assert.Equal(
            """{"@odata.context":"http://localhost/api/$metadata#microsoft.windowsDefenderATP.api.InOrgDomainStats","host":"drop.example.org","organizationPrevalence":2,"orgFirstSeen":"2026-11-01T09:00:00Z","orgLastSeen":"2026-11-01T09:05:00Z"}""",
            stats.GetRawText());
        Assert.Equal(
            [TestMachines.Windows10v1607, TestMachines.Windows11],
            machines.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToArray());
    }

    [Fact]
    public async Task FileStatsAndMachines_CountDevicesWhoseEventsShowTheHash_AndTheirFileNames()
    {
        await TestMachines.LoadStandardAsync(factory);
        await TestMachines.LoadAsync(factory, "files", [new { sha1 = Sha1, sha256 = (string?)null, globalPrevalence = 1200, fileNames = new[] { "tool.exe" } }]);
        await TestMachines.LoadAsync(factory, "DeviceProcessEvents",
        [
            FileEvent(TestMachines.Windows11, "2026-11-01T12:00:00Z", "ProcessCreated", "renamed.exe", 11),
        ]);
        await TestMachines.LoadAsync(factory, "DeviceFileEvents",
        [
            FileEvent(TestMachines.Windows10v1703, "2026-11-01T11:00:00Z", "FileCreated", "renamed.exe", 12),
            FileEvent(TestMachines.Windows10v1703, "2026-11-01T11:30:00Z", "FileModified", "other.exe", 13),
        ]);
        using var client = await factory.CreateApiClientAsync();

        var stats = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{Sha1}/stats"));
        var machines = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{Sha1}/machines"));

        Assert.EndsWith("#microsoft.windowsDefenderATP.api.InOrgFileStats", stats.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, stats.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal("2026-11-01T11:00:00Z", stats.GetProperty("orgFirstSeen").GetString());
        Assert.Equal("2026-11-01T12:00:00Z", stats.GetProperty("orgLastSeen").GetString());
        Assert.Equal(["renamed.exe", "other.exe"], stats.GetProperty("topFileNames").EnumerateArray().Select(n => n.GetString()).ToArray());
        Assert.Equal(
            [TestMachines.Windows10v1703, TestMachines.Windows11],
            machines.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToArray());
    }

    // Hunting columns are case-sensitive, so rows are dictionaries (an anonymous object would be camel-cased).
    private static Dictionary<string, object> NetworkEvent(string deviceId, string timestamp, string remoteIp, string remoteUrl) => new()
    {
        ["Timestamp"] = timestamp, ["DeviceId"] = deviceId, ["ActionType"] = "ConnectionSuccess", ["RemoteIP"] = remoteIp, ["RemotePort"] = 443,
        ["RemoteUrl"] = remoteUrl, ["ReportId"] = 7,
    };

    private static Dictionary<string, object> FileEvent(string deviceId, string timestamp, string actionType, string fileName, long reportId) => new()
    {
        ["Timestamp"] = timestamp, ["DeviceId"] = deviceId, ["ActionType"] = actionType, ["FileName"] = fileName, ["SHA1"] = Sha1, ["ReportId"] = reportId,
    };
}
