using System.Net;
using DefenderApi.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Client.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddDefenderClient_ResolvesAClientOnIHttpClientFactory_WithTheClientsPipeline()
    {
        var clock = new RecordingTimeProvider();
        var credential = new StubCredential(clock);
        var transport = new StubTransport();
        transport.ThenError("TooManyRequests", 429).Then(HttpStatusCode.OK, """{"id":"m1"}""");
        var services = new ServiceCollection();
        services.AddDefenderClient(new Uri("https://eu.api.security.microsoft.com"), _ => credential, o => o.TimeProvider = clock)
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<DefenderClient>();
        var machine = await client.GetMachineAsync("m1", TestContext.Current.CancellationToken);

        Assert.Equal("m1", machine.Id);
        Assert.Equal(["token-1", "token-1"], transport.Requests.Select(r => r.Token));
        Assert.Equal("https://eu.api.security.microsoft.com/api/machines/m1", transport.Requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task TwoNamedClients_EachUseTheirOwnCredential_AndOneSetOfRetries()
    {
        var clock = new RecordingTimeProvider();
        var contosoTransport = new StubTransport();
        var fabrikamTransport = new StubTransport();
        for (var i = 0; i < 10; i++)
        {
            contosoTransport.ThenError("InternalServerError", 500);
        }

        fabrikamTransport.Then(HttpStatusCode.OK, """{"id":"m2"}""");
        var services = new ServiceCollection();
        services.AddDefenderClient("contoso", DefenderEndpoints.Default, _ => new StubCredential(clock, "contoso"), o => o.TimeProvider = clock)
            .ConfigurePrimaryHttpMessageHandler(() => contosoTransport);
        services.AddDefenderClient("fabrikam", DefenderEndpoints.Default, _ => new StubCredential(clock, "fabrikam"), o => o.TimeProvider = clock)
            .ConfigurePrimaryHttpMessageHandler(() => fabrikamTransport);
        await using var provider = services.BuildServiceProvider();

        var fabrikam = await provider.GetRequiredKeyedService<DefenderClient>("fabrikam").GetMachineAsync("m2", TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DefenderRequestFailedException>(() =>
            provider.GetRequiredKeyedService<DefenderClient>("contoso").GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal("m2", fabrikam.Id);
        Assert.Equal(["fabrikam-1"], fabrikamTransport.Requests.Select(r => r.Token));
        Assert.Equal(4, contosoTransport.Requests.Count);
        Assert.All(contosoTransport.Requests, r => Assert.Equal("contoso-1", r.Token));
    }

    [Fact]
    public void RegisteringTheSameClientTwice_IsRefused_InsteadOfStackingHandlers()
    {
        var clock = new RecordingTimeProvider();
        var services = new ServiceCollection();
        services.AddDefenderClient(DefenderEndpoints.Default, _ => new StubCredential(clock));
        services.AddDefenderClient("contoso", DefenderEndpoints.Default, _ => new StubCredential(clock));

        var unnamed = Assert.Throws<InvalidOperationException>(() => services.AddDefenderClient(DefenderEndpoints.Default, _ => new StubCredential(clock)));
        var named = Assert.Throws<InvalidOperationException>(() => services.AddDefenderClient("contoso", DefenderEndpoints.Default, _ => new StubCredential(clock)));

        Assert.Contains("AddDefenderClient(name", unnamed.Message, StringComparison.Ordinal);
        Assert.Contains("'contoso' is already registered", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_NameTheDocumentedHosts()
    {
        Assert.Equal("https://api.security.microsoft.com/", DefenderEndpoints.Default.AbsoluteUri);
        Assert.Equal("https://swa.api.security.microsoft.com/", DefenderEndpoints.ForRegion(DefenderRegion.Switzerland).AbsoluteUri);
    }
}
