using System.Net;
using DefenderApi.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Testing.Tests;

public sealed class DefenderEmulatorTests(EmptyEmulatorFixture fixture) : IClassFixture<EmptyEmulatorFixture>
{
    private DefenderEmulator Emulator => fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Credential_GetsARealSignedJwt_FromTheEmulatorsTokenEndpoint()
    {
        var token = await Emulator.Credential.GetTokenAsync(new Azure.Core.TokenRequestContext([DefenderClientOptions.DefaultScope]), Ct);

        Assert.Equal(3, token.Token.Split('.').Length);
        Assert.InRange(token.ExpiresOn - Emulator.Now, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task Credential_ForAnUnknownApp_FailsWithTheEntraAnswer()
    {
        var credential = Emulator.CreateCredential(DefenderEmulator.DefaultTenantId, "no-such-app", "x");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await credential.GetTokenAsync(new Azure.Core.TokenRequestContext([DefenderClientOptions.DefaultScope]), Ct));

        Assert.Contains("AADSTS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpClient_ReachesTheAdminApi_InProcess()
    {
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/_emulator/info", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DefenderEmulator.DefaultClientId, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientErrorAnswer_CarriesTheTarget_ThatTheJournalFinds()
    {
        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() =>
            Emulator.Client.GetAlertAsync($"no-such-alert-{Guid.NewGuid():N}", Ct));

        Assert.NotNull(error.Target);
        var entry = Emulator.Journal.FindByTarget(error.Target!);
        Assert.NotNull(entry);
        Assert.Equal(error.Status, entry!.Status);
        Assert.Equal(error.ErrorCode?.Value, entry.Error?.Code);
        Assert.StartsWith("/api/alerts/no-such-alert-", entry.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_AssertRequested_MatchesPathTemplates_AndCounts()
    {
        var id = $"m-{Guid.NewGuid():N}";
        await Assert.ThrowsAsync<DefenderRequestFailedException>(() => Emulator.Client.GetMachineAsync(id, Ct));

        var matching = Emulator.Journal.AssertRequested(HttpMethod.Get, "/api/machines/{id}");

        Assert.Contains(matching, e => e.Path == $"/api/machines/{id}");
        Assert.Throws<EmulatorAssertionException>(() => Emulator.Journal.AssertRequested(HttpMethod.Post, $"/api/machines/{id}/isolate"));
        Emulator.Journal.AssertNotRequested(HttpMethod.Delete, $"/api/machines/{id}");
    }

    [Fact]
    public async Task Admin_RegisterApp_GivesAnAppWhoseCredentialGetsTokens()
    {
        var client = await Emulator.CreateClientWithRolesAsync("Machine.Read.All");
        var credential = Emulator.CreateCredential(DefenderEmulator.DefaultTenantId, $"app-{Guid.NewGuid():N}", "s");
        await Emulator.Admin.RegisterAppAsync(DefenderEmulator.DefaultTenantId, credential.ClientId, "s", ["Alert.Read.All"], Ct);

        var token = await credential.GetTokenAsync(new Azure.Core.TokenRequestContext([DefenderClientOptions.DefaultScope]), Ct);

        Assert.NotNull(client);
        Assert.Equal(1, credential.TokensIssued);
        Assert.NotEmpty(token.Token);
    }

    [Fact]
    public void AdvanceClock_WithoutVirtualClock_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Emulator.AdvanceClock(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task CreateHandler_LetsAddDefenderClient_ReachTheInProcessEmulator()
    {
        var services = new ServiceCollection();
        services.AddDefenderClient(Emulator.Endpoint, _ => Emulator.Credential, o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 })
            .ConfigurePrimaryHttpMessageHandler(() => Emulator.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        Emulator.Journal.Clear();

        var client = provider.GetRequiredService<DefenderClient>();
        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.GetMachineAsync("no-such-machine", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.NotNull(Emulator.Journal.FindByTarget(error.Target!));
    }
}
