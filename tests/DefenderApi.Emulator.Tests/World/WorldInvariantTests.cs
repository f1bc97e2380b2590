using System.Net;
using System.Net.Http.Json;
using CsCheck;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.World;

/// <summary>
/// The world model's invariants under random interleavings: on a fresh demo tenant per sample, random scenario starts
/// (random seeds), clock advances (minutes to days), admin loads of events and alerts and alert PATCHes; after every
/// step each machine's risk score, exposure level, last seen, last IP address and health agree with its alerts, its
/// vulnerabilities and its events, and AlertInfo mirrors the alerts, as the public API shows them.
/// </summary>
public sealed class WorldInvariantTests(WorldInvariantTests.Factory factory) : IClassFixture<WorldInvariantTests.Factory>
{
    /// <summary>Demo tenants of 16 machines (all with hunting rows) on the fake clock, without rate limits.</summary>
    public sealed class Factory : ProtectedApiFactory
    {
        public Factory()
        {
            Seed = "none";
            DemoMachines = 16;
            Settings["Emulator:RateLimits:Enabled"] = "false";
            Settings["Emulator:Hunting:DemoEvents"] = "1500";
            Settings["Emulator:Hunting:CpuChargeMultiplier"] = "0";
        }
    }

    private static readonly string[] ScenarioNames = ["ransomware", "phishing", "commodity-malware", "false-positive-burst", "device-inactive", "background"];
    private static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];
    private static readonly string[] Statuses = ["New", "InProgress", "Resolved"];
    private static readonly System.Text.Json.JsonSerializerOptions ExactNames = new();
    private static readonly int[] AdvanceMinutes = [1, 7, 45, 240, 60 * 24 * 3, 60 * 24 * 8];

    /// <summary>One step: 0 starts a scenario, 1 advances the clock, 2 loads an event, 3 loads an alert, 4 PATCHes an alert.</summary>
    public sealed record Step(int Kind, int A, int B, int C);

    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 100_000], (kind, a, b, c) => new Step(kind, a, b, c)).Array[3, 9];

    [Fact]
    public async Task RandomScenariosLoadsAndPatches_KeepEveryMachineConsistentWithItsAlertsVulnerabilitiesAndEvents_AfterEveryStep()
    {
        await Steps.SampleAsync(RunAsync, iter: 8, threads: 1);
    }

    private async Task RunAsync(Step[] steps)
    {
        var tenant = Guid.NewGuid();
        using var admin = await factory.CreateReadyClientAsync();
        await SucceedsAsync(await admin.PostAsJsonAsync("/_emulator/tenants", new { tenantId = tenant.ToString(), seed = "demo" }));
        await factory.RegisterAppAsync("world", "secret", ["Machine.Read.All", "Alert.ReadWrite.All", "AdvancedQuery.Read.All", "Vulnerability.Read.All"], tenant);
        var world = await ReadAsync(tenant, "after seeding");
        var devices = world.Select(d => d.Id).ToList();
        var loaded = 0;
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            var context = $"step {index} {step}";
            DateTimeOffset? expectedLastSeen = null;
            var device = devices[step.B % devices.Count];
            switch (step.Kind)
            {
                case 0:
                    await StartScenarioAsync(admin, tenant, step);
                    break;
                case 1:
                    factory.Clock.Advance(TimeSpan.FromMinutes(AdvanceMinutes[step.B % AdvanceMinutes.Length] + (step.C % 5)));
                    break;
                case 2:
                    var at = factory.Clock.GetUtcNow().AddMinutes(-(step.C % (60 * 24 * 10))).AddTicks(-(step.C * 7919L % 10_000_000));
                    var before = world.Single(d => d.Id == device).LastSeen;
                    expectedLastSeen = at > before ? at : before;
                    await LoadEventAsync(admin, tenant, step, device, at);
                    break;
                case 3:
                    await SucceedsAsync(await admin.PostAsJsonAsync($"/_emulator/tenants/{tenant}/data/alerts", new[]
                    {
                        new
                        {
                            id = $"da{step.C}_{loaded++}", machineId = device, severity = Severities[step.C % 4], status = Statuses[step.A % 3],
                            title = $"Loaded detection {step.A % 5}", category = "Execution", detectionSource = "WindowsDefenderAtp",
                            alertCreationTime = WorldView.Instant(factory.Clock.GetUtcNow()), lastUpdateTime = WorldView.Instant(factory.Clock.GetUtcNow()),
                        },
                    }));
                    break;
                default:
                    using (var client = await ClientAsync(tenant))
                    {
                        var alerts = await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts"));
                        if (alerts.Count > 0)
                        {
                            var id = alerts[step.A % alerts.Count].GetProperty("id").GetString();
                            await SucceedsAsync(await client.PatchAsync($"/api/alerts/{id}", JsonContent.Create(new { status = Statuses[step.C % 3] })));
                        }
                    }

                    break;
            }

            world = await ReadAsync(tenant, context);
            if (expectedLastSeen is { } expected)
            {
                Assert.Equal(expected, world.Single(d => d.Id == device).LastSeen);
            }
        }
    }

    private async Task<List<DeviceView>> ReadAsync(Guid tenant, string context)
    {
        using var client = await ClientAsync(tenant);
        var world = await WorldView.ReadAsync(client);
        MachineRules.AssertConsistent(world, factory.Clock.GetUtcNow(), context);
        await AlertRules.AssertMirroredAsync(client, factory.Clock.GetUtcNow(), context);
        return world;
    }

    // A fresh token each time: clock advances of days outlive any token.
    private async Task<HttpClient> ClientAsync(Guid tenant) =>
        await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("world", "secret", tenant));

    private static async Task StartScenarioAsync(HttpClient admin, Guid tenant, Step step)
    {
        using var response = await admin.PostAsJsonAsync($"/_emulator/tenants/{tenant}/scenarios",
            new { name = ScenarioNames[step.A % ScenarioNames.Length], devices = 1 + (step.B % 2), seed = step.C, hours = 2 });
        // Too few active Windows devices left (after days of silence) is the one refusal a valid request can meet.
        if (response.StatusCode != HttpStatusCode.Created)
        {
            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", null);
        }
    }

    private static async Task LoadEventAsync(HttpClient admin, Guid tenant, Step step, string device, DateTimeOffset at)
    {
        var time = WorldView.Instant(at);
        var ip = $"10.9.{step.B % 250}.{(step.C % 250) + 1}";
        var (table, row) = (step.A % 3) switch
        {
            0 => ("DeviceNetworkEvents", (object)new
            {
                Timestamp = time, DeviceId = device, DeviceName = "loaded", ActionType = "ConnectionSuccess", ReportId = 9_000_000L + step.C,
                LocalIP = ip, RemoteIP = "198.51.100.7", RemotePort = 443,
            }),
            1 => ("DeviceProcessEvents", new
            {
                Timestamp = time, DeviceId = device, DeviceName = "loaded", ActionType = "ProcessCreated", ReportId = 9_000_000L + step.C, FileName = "notepad.exe",
            }),
            _ => ("DeviceNetworkInfo", new
            {
                Timestamp = time, DeviceId = device, DeviceName = "loaded", ReportId = 9_000_000L + step.C,
                IPAddresses = new[] { new { IPAddress = ip, SubnetPrefix = 24, AddressType = "Private" } },
            }),
        };
        // Hunting columns are matched by their exact names, so the rows keep their property names (no camel case).
        await SucceedsAsync(await admin.PostAsync($"/_emulator/tenants/{tenant}/data/{table}", JsonContent.Create(new[] { row }, options: ExactNames)));
    }

    private static async Task SucceedsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
