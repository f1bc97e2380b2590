using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Faults;

/// <summary>
/// Starts every test with no fault rules (cleared before the token is fetched, which a rule could fault) and a client
/// of a new app, so the tests of a class never share rate-limit counters.
/// </summary>
public abstract class FaultRulesTestBase(EmulatorFactory factory) : IAsyncLifetime
{
    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using (var admin = await factory.CreateReadyClientAsync())
        {
            await FaultTestClient.ClearAsync(admin);
        }

        Client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
