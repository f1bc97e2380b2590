using DefenderApi.Client;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Testing;

namespace DefenderApi.Samples.Tests;

/// <summary>
/// The connector against a tenant that moves: scenarios run on the virtual clock while it polls at a page size of 50,
/// and the clock moves on in the middle of its walks, so alerts arrive and change while it follows next links.
/// </summary>
public sealed class AlertConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connector_WhileScenariosRun_SeesEveryAlertOnce_WithItsFinalState()
    {
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
        {
            Seed = "demo",
            VirtualClock = true,
            Settings = { ["Emulator:DemoMachines"] = "150" },
        }, Ct);
        await emulator.Admin.UpdateSettingsAsync(new { pageSizes = new { Alerts = 50 } }, Ct);
        var overlap = TimeSpan.FromMinutes(30);
        var connector = new AlertConnector(emulator.Client, emulator.Now, overlap);

        // What the connector is to see: the alerts changed since its first cursor (its start less the overlap).
        var since = emulator.Now - overlap;

        await emulator.Scenarios.StartAsync("false-positive-burst", devices: 15, seed: 4, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("ransomware", devices: 6, seed: 2, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("commodity-malware", seed: 3, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("background", devices: 10, hours: 12, seed: 5, cancellationToken: Ct);
        for (var poll = 0; poll < 40; poll++)
        {
            // Two minutes pass after every 30 rows read: steps run between the connector's pages.
            await connector.PollAsync(row => { if (row % 30 == 0) emulator.AdvanceClock(TimeSpan.FromMinutes(2)); }, Ct);
            emulator.AdvanceClock(TimeSpan.FromMinutes(20));
        }

        await connector.PollAsync(cancellationToken: Ct);
        var truth = new Dictionary<string, Alert>(StringComparer.Ordinal);
        await foreach (var alert in emulator.Client.GetAlertsAsync(new ODataQuery<Alert>().Filter(a => a.LastUpdateTime > since), Ct))
        {
            truth.Add(alert.Id!, alert);
        }

        Assert.True(truth.Count > 60, $"{truth.Count} alerts");
        Assert.Equal(truth.Keys.Order(), connector.Alerts.Keys.Order());
        Assert.Equal(connector.Notifications.Count, connector.Notifications.Distinct().Count());
        Assert.All(truth.Values, alert =>
        {
            var seen = connector.Alerts[alert.Id!];
            Assert.Equal(alert.Status, seen.Status);
            Assert.Equal(alert.LastUpdateTime, seen.LastUpdateTime);
        });
        Assert.Contains(truth.Values, a => a.Status == "Resolved");
        Assert.Contains(emulator.Journal.Latest(10_000), e => e.Query.Contains("skiptoken", StringComparison.Ordinal));
    }
}
