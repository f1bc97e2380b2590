using DefenderApi.Client.Models;
using DefenderApi.Testing;

namespace DefenderApi.Samples.Tests;

/// <summary>An emulator per test class, starting empty; machine actions complete at once.</summary>
public sealed class PlaybookEmulator : DefenderEmulatorFixture
{
    protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "none" };
}

public sealed class IsolationPlaybookTests(PlaybookEmulator fixture) : IClassFixture<PlaybookEmulator>, IAsyncLifetime
{
    private const string Tag = "playbook-target";
    private readonly DefenderEmulator _emulator = fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _emulator.Admin.ResetAsync(Ct);
        _emulator.Journal.Clear();
        await _emulator.Admin.ClearFaultsAsync(Ct);
        await _emulator.Admin.UpdateSettingsAsync(new { machineActions = new { mode = "immediate" } }, Ct);
        await _emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines", new[]
        {
            DefenderModelFactory.Machine(
                id: "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
                computerDnsName: "finance-ws-07.contoso.com",
                osPlatform: "Windows11",
                version: "23H2",
                osBuild: 22631,
                healthStatus: "Active",
                onboardingStatus: "onboarded",
                lastIpAddress: "10.1.7.42",
                firstSeen: _emulator.Now.AddDays(-90),
                lastSeen: _emulator.Now.AddMinutes(-10),
                machineTags: [Tag]),
        }, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IsolationPlaybook Playbook => new(_emulator.Client, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Playbook_IsolatesTheTaggedDevice_AndWaitsForCompletion()
    {
        var outcome = await Playbook.IsolateByTagAsync(Tag, Ct);

        Assert.True(outcome.Isolated);
        Assert.Equal("finance-ws-07.contoso.com", outcome.Machine.ComputerDnsName);
        Assert.Equal("Isolate", outcome.Action.Type);
        _emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", status: 201, times: 1);
    }

    [Fact]
    public async Task Playbook_FindsTheDeviceByIp()
    {
        var outcome = await Playbook.IsolateByIpAsync("10.1.7.42", _emulator.Now.AddMinutes(-10), Ct);

        Assert.True(outcome.Isolated);
        Assert.Equal("1e5bc9d7e413ddd7902c2932e418702b84d0cc07", outcome.Machine.Id);
    }

    [Fact]
    public async Task Playbook_WhenThrottled_RetriesTheIsolation_AndStillSucceeds()
    {
        await _emulator.Admin.AddFaultAsync(new FaultRule { Method = "POST", Path = "/api/machines/*/isolate", Error = "TooManyRequests", Count = 1 }, Ct);

        var outcome = await Playbook.IsolateByTagAsync(Tag, Ct);

        Assert.True(outcome.Isolated);
        var attempts = _emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", times: 2);
        Assert.True(attempts[0].Injected);
        Assert.Equal(429, attempts[0].Status);
        Assert.Equal(201, attempts[1].Status);
    }
}
