using DefenderApi.Client.Models;
using DefenderApi.Testing;

namespace DefenderApi.Samples.Tests;

public sealed class IsolationPlaybookTests
{
    private const string Tag = "playbook-target";
    private const string MachineId = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh emulator with one tagged Windows 11 device; machine actions complete at once.</summary>
    private static async Task<DefenderEmulator> StartEmulatorAsync()
    {
        var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions { Seed = "none" }, Ct);
        await emulator.Admin.UpdateSettingsAsync(new { machineActions = new { mode = "immediate" } }, Ct);
        await emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines", new[]
        {
            DefenderModelFactory.Machine(
                id: MachineId,
                computerDnsName: "finance-ws-07.contoso.com",
                osPlatform: "Windows11",
                version: "23H2",
                osBuild: 22631,
                healthStatus: "Active",
                onboardingStatus: "onboarded",
                lastIpAddress: "10.1.7.42",
                firstSeen: emulator.Now.AddDays(-90),
                lastSeen: emulator.Now.AddMinutes(-10),
                machineTags: [Tag]),
        }, Ct);
        return emulator;
    }

    private static IsolationPlaybook PlaybookFor(DefenderEmulator emulator) =>
        new(emulator.Client, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Playbook_IsolatesTheTaggedDevice_AndWaitsForCompletion()
    {
        await using var emulator = await StartEmulatorAsync();

        var outcome = await PlaybookFor(emulator).IsolateByTagAsync(Tag, Ct);

        Assert.True(outcome.Isolated);
        Assert.Equal("finance-ws-07.contoso.com", outcome.Machine.ComputerDnsName);
        Assert.Equal("Isolate", outcome.Action.Type);
        emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", status: 201, times: 1);
    }

    [Fact]
    public async Task Playbook_FindsTheDeviceByIp()
    {
        await using var emulator = await StartEmulatorAsync();

        var outcome = await PlaybookFor(emulator).IsolateByIpAsync("10.1.7.42", emulator.Now.AddMinutes(-10), Ct);

        Assert.True(outcome.Isolated);
        Assert.Equal(MachineId, outcome.Machine.Id);
    }

    [Fact]
    public async Task Playbook_WhenThrottled_RetriesTheIsolation_AndStillSucceeds()
    {
        await using var emulator = await StartEmulatorAsync();
        await emulator.Admin.AddFaultAsync(new FaultRule { Method = "POST", Path = "/api/machines/*/isolate", Error = "TooManyRequests", Count = 1 }, Ct);

        var outcome = await PlaybookFor(emulator).IsolateByTagAsync(Tag, Ct);

        Assert.True(outcome.Isolated);
        var attempts = emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", times: 2);
        Assert.True(attempts[0].Injected);
        Assert.Equal(429, attempts[0].Status);
        Assert.Equal(201, attempts[1].Status);
    }
}
