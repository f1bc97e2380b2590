using Azure.Core;
using DefenderApi.Client;

namespace DefenderApi.Testing.Tests;

public sealed class VirtualClockTests
{
    [Fact]
    public async Task AdvanceClock_MovesTheEmulatorsTime_AndTokensFollowIt()
    {
        var start = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions { Seed = "none", VirtualClock = true, StartTime = start }, TestContext.Current.CancellationToken);

        emulator.AdvanceClock(TimeSpan.FromHours(2));
        var token = await emulator.Credential.GetTokenAsync(new TokenRequestContext([DefenderClientOptions.DefaultScope]), TestContext.Current.CancellationToken);

        Assert.Equal(start.AddHours(2), emulator.Now);
        Assert.Equal(start.AddHours(2).AddSeconds(3599), token.ExpiresOn);
    }
}
