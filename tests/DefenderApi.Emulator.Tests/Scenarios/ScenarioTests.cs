using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Hunting;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Scenarios;

/// <summary>Scenarios unfold on the clock: each advance plays the steps due, and the API shows what they did.</summary>
public sealed class ScenarioTests(ScenarioTests.Factory factory) : IClassFixture<ScenarioTests.Factory>
{
    /// <summary>A demo tenant on the fake clock, without rate limits.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 200;
            UseFakeTime = true;
            Settings["Emulator:RateLimits:Enabled"] = "false";
        }
    }

    private static readonly string Scenarios = $"/_emulator/tenants/{DefaultTenant.TenantId}/scenarios";

    [Fact]
    public async Task Ransomware_SpreadsOverItsDevicesAsTheClockAdvances_RaisingAlertsWithEvidenceAndRaisingRisk()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var client = await factory.CreateApiClientAsync();

        using var started = await admin.PostAsJsonAsync(Scenarios, new { name = "ransomware", devices = 3, seed = 11 });
        var run = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString();
        var devices = run.GetProperty("devices").EnumerateArray().Select(d => d.GetString()!).ToArray();
        var afterStart = AlertIds(run);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var afterTen = AlertIds(await admin.GetFromJsonAsync<JsonElement>($"{Scenarios}/{id}"));
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var done = await admin.GetFromJsonAsync<JsonElement>($"{Scenarios}/{id}");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Single(afterStart);
        Assert.Equal(2, afterTen.Count);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(4, AlertIds(done).Count);
        foreach (var (alertId, index) in AlertIds(done).Select((a, i) => (a, i)))
        {
            var alert = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{alertId}"));
            var evidence = alert.GetProperty("evidence");
            Assert.Contains(alert.GetProperty("machineId").GetString(), devices);
            Assert.Contains(evidence.EnumerateArray(), e => e.GetProperty("entityType").GetString() == "Process");
            Assert.Equal(1, await HuntingQueries.CountAsync(client, $"AlertInfo | where AlertId == '{alertId}' | count"));
        }

        foreach (var device in devices)
        {
            var machine = await ODataJson.OkAsync(await client.GetAsync($"/api/machines/{device}"));
            Assert.Equal("High", machine.GetProperty("riskScore").GetString());
        }
    }

    [Fact]
    public async Task CommodityMalware_IsResolvedTwoMinutesLater_AndItsLastUpdateTimeMoves()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var client = await factory.CreateApiClientAsync();

        var run = await (await admin.PostAsJsonAsync(Scenarios, new { name = "commodity-malware", seed = 5 })).Content.ReadFromJsonAsync<JsonElement>();
        var alertId = AlertIds(run).Single();
        var detected = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{alertId}"));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var resolved = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{alertId}"));

        Assert.Equal("New", detected.GetProperty("status").GetString());
        Assert.Equal("WindowsDefenderAv", detected.GetProperty("detectionSource").GetString());
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("Malware", resolved.GetProperty("determination").GetString());
        Assert.True(resolved.GetProperty("lastUpdateTime").GetDateTimeOffset() > detected.GetProperty("lastUpdateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task DeviceInactive_TurnsTheDeviceInactiveSevenDaysLater()
    {
        using var admin = await factory.CreateReadyClientAsync();

        var run = await (await admin.PostAsJsonAsync(Scenarios, new { name = "device-inactive", seed = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        var device = run.GetProperty("devices")[0].GetString();
        factory.Clock.Advance(TimeSpan.FromDays(6));
        using var early = await factory.CreateApiClientAsync();
        var sixDays = await ODataJson.OkAsync(await early.GetAsync($"/api/machines/{device}"));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var late = await factory.CreateApiClientAsync();
        var sevenDays = await ODataJson.OkAsync(await late.GetAsync($"/api/machines/{device}"));

        Assert.Equal("Active", sixDays.GetProperty("healthStatus").GetString());
        Assert.Equal("Inactive", sevenDays.GetProperty("healthStatus").GetString());
    }

    [Theory]
    [InlineData("""{"name":"meteor-strike"}""", "Invalid input 'meteor-strike' for name; expected one of ransomware, phishing, commodity-malware, false-positive-burst, device-inactive, background.")]
    [InlineData("""{"name":"ransomware","devices":0}""", "Invalid input '0' for devices; expected an integer from 1 to 1000.")]
    public async Task Start_WithABadParameter_Returns400_InvalidInput(string body, string message)
    {
        using var admin = await factory.CreateReadyClientAsync();

        using var response = await admin.PostAsync(Scenarios, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task Phishing_WritesTheXdrTables_EmailAndClickBeforeTheDeviceEvent_IdentityLogonOnTheSecondDevice()
    {
        using var admin = await factory.CreateReadyClientAsync();
        var run = await (await admin.PostAsJsonAsync(Scenarios, new { name = "phishing", devices = 2, seed = 21 })).Content.ReadFromJsonAsync<JsonElement>();
        var devices = run.GetProperty("devices").EnumerateArray().Select(d => d.GetString()).ToList();
        for (var minutes = 0; minutes < 90; minutes += 5)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        using var api = await factory.CreateApiClientAsync();

        using var response = await api.PostAsync("/api/advancedhunting/run", AdvancedQueriesTests.Query("""
            EmailEvents
            | where SenderFromDomain == "example-secure.net"
            | join kind=inner (EmailUrlInfo) on NetworkMessageId
            | join kind=inner (UrlClickEvents | project ClickTime = Timestamp, Url, NetworkMessageId) on NetworkMessageId
            | join kind=inner (EmailPostDeliveryEvents | project ZapTime = Timestamp, NetworkMessageId, ZapLocation = DeliveryLocation) on NetworkMessageId
            | join kind=inner (DeviceNetworkEvents | where RemoteIP == "203.0.113.50" | project ConnectionTime = Timestamp, RemoteUrl, DeviceId) on $left.Url == $right.RemoteUrl
            | project EmailTime = Timestamp, ClickTime, ConnectionTime, ZapTime, ZapLocation, DeviceId
            """));
        var rows = (await ODataJson.OkAsync(response)).GetProperty("Results").EnumerateArray().ToList();
        using var logons = await api.PostAsync("/api/advancedhunting/run", AdvancedQueriesTests.Query(
            "IdentityLogonEvents | where AccountUpn == 'alice@contoso.com' and LogonType == 'RemoteInteractive' | project DeviceName"));
        var logonDevices = (await ODataJson.OkAsync(logons)).GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("DeviceName").GetString()).ToList();
        var target = await ODataJson.OkAsync(await api.GetAsync($"/api/machines/{devices[^1]}"));

        // Other tests of the class play phishing too, on the same devices and URL, so the join also pairs this run's
        // e-mail with their connections: this run's rows are the e-mail sent in the 15 minutes before it started and a
        // connection after that.
        var started = run.GetProperty("startedAt").GetDateTimeOffset();
        var mine = rows.Where(r => r.GetProperty("DeviceId").GetString() == devices[0]
            && r.GetProperty("EmailTime").GetDateTimeOffset() > started.AddMinutes(-15) && r.GetProperty("EmailTime").GetDateTimeOffset() < started
            && r.GetProperty("ConnectionTime").GetDateTimeOffset() > started.AddMinutes(-15)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, row =>
        {
            Assert.True(row.GetProperty("EmailTime").GetDateTimeOffset() < row.GetProperty("ClickTime").GetDateTimeOffset());
            Assert.True(row.GetProperty("ClickTime").GetDateTimeOffset() < row.GetProperty("ConnectionTime").GetDateTimeOffset());
            Assert.True(row.GetProperty("ConnectionTime").GetDateTimeOffset() < row.GetProperty("ZapTime").GetDateTimeOffset());
            Assert.Equal("Quarantine", row.GetProperty("ZapLocation").GetString());
        });
        Assert.Contains(target.GetProperty("computerDnsName").GetString(), logonDevices);
    }

    [Fact]
    public async Task Stop_KeepsTheRemainingStepsFromRunning()
    {
        using var admin = await factory.CreateReadyClientAsync();

        var run = await (await admin.PostAsJsonAsync(Scenarios, new { name = "phishing", seed = 9 })).Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString();
        using var stopped = await admin.DeleteAsync($"{Scenarios}/{id}");
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var after = await admin.GetFromJsonAsync<JsonElement>($"{Scenarios}/{id}");

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("Stopped", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("stepsDone").GetInt32());
    }

    [Fact]
    public async Task Cli_StartListShowStop_DriveTheScenarioAdminApi()
    {
        await factory.CreateReadyClientAsync();
        var handler = factory.Server.CreateHandler();

        var start = await Cli.CliRun.RunAsync(handler, "scenario", "start", "phishing", "--devices", "2", "--seed", "21");
        var id = start.Output.Trim();
        var list = await Cli.CliRun.RunAsync(handler, "scenario", "list");
        var show = await Cli.CliRun.RunAsync(handler, "scenario", "show", id);
        var stop = await Cli.CliRun.RunAsync(handler, "scenario", "stop", id);

        Assert.Equal(0, start.ExitCode);
        Assert.StartsWith("phishing-", id, StringComparison.Ordinal);
        Assert.Contains(id, list.Console, StringComparison.Ordinal);
        Assert.Contains("Suspicious URL clicked", show.Console, StringComparison.Ordinal);
        Assert.Equal(0, stop.ExitCode);
    }

    private static List<string> AlertIds(JsonElement run) =>
        [.. run.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Alert").Select(e => e.GetProperty("alertId").GetString()!).Distinct()];
}
