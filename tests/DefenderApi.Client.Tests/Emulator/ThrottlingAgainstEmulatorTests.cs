using DefenderApi.Client.Models;
using DefenderApi.Testing;

namespace DefenderApi.Client.Tests.Emulator;

/// <summary>One emulator whose documented limits are scaled down to one call a minute.</summary>
public sealed class ThrottledEmulatorFixture : DefenderEmulatorFixture
{
    public const string MachineId = "7a1c2b3a4d5e6f708192a3b4c5d6e7f809112233";

    protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "none" };

    protected override async ValueTask OnStartedAsync(DefenderEmulator emulator)
    {
        await emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines", new[]
        {
            DefenderModelFactory.Machine(id: MachineId, computerDnsName: "ws-throttled.contoso.com", osPlatform: "Windows11", version: "23H2",
                osBuild: 22631, healthStatus: "Active", onboardingStatus: "onboarded", firstSeen: emulator.Now.AddDays(-30), lastSeen: emulator.Now.AddMinutes(-5)),
        });
        await emulator.Admin.UpdateSettingsAsync(new { rateLimits = new { scale = 0.01 } });
    }
}

public sealed class ThrottlingAgainstEmulatorTests(ThrottledEmulatorFixture fixture) : IClassFixture<ThrottledEmulatorFixture>
{
    [Fact]
    public async Task KitClient_OnARealRateLimit_ThrowsTooManyRequestsAtOnce_WithTheWindowsRetryAfter()
    {
        var emulator = fixture.Emulator;
        var ct = TestContext.Current.CancellationToken;
        emulator.Journal.Clear();

        await emulator.Client.GetMachineAsync(ThrottledEmulatorFixture.MachineId, ct);
        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => emulator.Client.GetMachineAsync(ThrottledEmulatorFixture.MachineId, ct));

        Assert.Equal(429, error.Status);
        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(1), $"Retry-After {error.RetryAfter}");
        Assert.Equal([200, 429], emulator.Journal.Requests(HttpMethod.Get, "/api/machines/{id}").Select(e => e.Status));
    }
}
