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
    public void Endpoints_NameTheDocumentedHosts()
    {
        Assert.Equal("https://api.security.microsoft.com/", DefenderEndpoints.Default.AbsoluteUri);
        Assert.Equal("https://swa.api.security.microsoft.com/", DefenderEndpoints.ForRegion(DefenderRegion.Switzerland).AbsoluteUri);
    }
}
