using CsCheck;
using DefenderApi.Emulator.Fuzz;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Fuzz;

/// <summary>
/// The fast fuzz run: 10,000 generated requests over every endpoint family through the real pipeline, one at a
/// time. Properties: no 5xx; every answer of 400 or more is the envelope with a catalogue code and a fresh target
/// (Entra's shape on the token service); a refused write leaves every row of the store as it was. On failure CsCheck
/// shrinks to a minimal request and prints it with the seed that replays it (FUZZ_SEED). The long run is in bench/.
/// </summary>
public sealed class FuzzHarnessTests(FuzzHarnessTests.QuietFactory factory) : IClassFixture<FuzzHarnessTests.QuietFactory>
{
    private const int Cases = 10_000;

    /// <summary>The emulator without console logging: ten thousand refused requests would log thousands of lines.</summary>
    public sealed class QuietFactory : EmulatorFactory
    {
        public QuietFactory() => Settings["Logging:LogLevel:Default"] = "None";
    }

    [Fact]
    public async Task TenThousandHostileRequests_NoServerError_EveryErrorAnEnvelope_RefusedWritesChangeNothing()
    {
        using var client = await factory.CreateReadyClientAsync();
        var tokens = await FuzzData.PrepareAsync(client);
        using var fingerprint = new StoreFingerprint(factory.Services.GetRequiredService<DatabaseLocation>());
        var verdict = new FuzzVerdict();

        await FuzzCases.Request.SampleAsync(
            async request =>
            {
                var before = request.IsWrite ? fingerprint.Take() : string.Empty;
                var (status, problem) = await FuzzExchange.RunAsync(client, tokens, verdict, request);
                Assert.True(problem is null, problem);
                if (status >= 400 && request.IsWrite)
                {
                    Assert.True(before == fingerprint.Take(), $"a refused write ({status}) changed the store");
                }
            },
            seed: Environment.GetEnvironmentVariable("FUZZ_SEED"),
            iter: Cases,
            threads: 1);

        Assert.Equal(Cases, verdict.Cases + verdict.Unsendable + verdict.TransportRejections);
        Assert.True(verdict.Unsendable < Cases / 10, $"{verdict.Unsendable} of {Cases} cases could not be sent");
        Assert.Equal(0, verdict.ServerErrors + verdict.WithoutEnvelope + verdict.DuplicateTargets);
    }
}
