using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;
using Microsoft.AspNetCore.Hosting;

namespace DefenderApi.Emulator.Tests.Faults;

public sealed class TransportFaultTests(TransportFaultTests.Factory factory) : FaultRulesTestBase(factory), IClassFixture<TransportFaultTests.Factory>
{
    public sealed class Factory : ThrottlingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Emulator:Faults:TimeoutSeconds", "30");
            builder.UseSetting("Emulator:Faults:Seed", "100");
        }
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("empty")]
    public async Task TransportFault_AbortsTheConnectionWithoutAnAnswer_MarkedInjected(string transport)
    {
        var id = await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, transport });

        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetAsync(ProbeApi.LimitedPath));

        var entry = await FaultTestClient.LatestJournalAsync(Client);
        Assert.Equal(ProbeApi.LimitedPath, entry.GetProperty("path").GetString());
        Assert.True(entry.GetProperty("injected").GetBoolean());
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task Timeout_HoldsTheRequestUntilTheCap_ThenClosesTheConnection()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, transport = "timeout" });
        var started = factory.Clock.GetUtcNow();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            FaultTestClient.AdvanceUntilDoneAsync(factory.Clock, Client.GetAsync(ProbeApi.LimitedPath), TimeSpan.FromSeconds(1)));
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Timeout_EndsWhenTheClientGivesUp()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, transport = "timeout" });
        using var giveUp = new CancellationTokenSource();

        var call = Client.GetAsync(ProbeApi.LimitedPath, giveUp.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GlobalSeed_SeedsRulesWithoutOwnSeedByCreationNumber_RestartingAfterClear()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = "/api/_probe/none", error = "NotFound" });
        await FaultTestClient.AddRuleAsync(Client, new { path = "/api/_probe/none", error = "NotFound", seed = 5 });
        await FaultTestClient.AddRuleAsync(Client, new { path = "/api/_probe/none", error = "NotFound" });

        using var list = await Client.GetAsync("/_emulator/faults");
        using var json = System.Text.Json.JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal([101, 5, 103], json.RootElement.EnumerateArray().Select(r => r.GetProperty("seed").GetInt32()));
    }

    [Fact]
    public async Task Latency_DelaysTheAnswerByThatTimeOnTheEmulatorClock()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, latencyMs = 3000, error = "InternalServerError" });
        var started = factory.Clock.GetUtcNow();

        using var response = await FaultTestClient.AdvanceUntilDoneAsync(factory.Clock, Client.GetAsync(ProbeApi.LimitedPath), TimeSpan.FromMilliseconds(500));
        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServerError");
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(3));
        var entry = await FaultTestClient.LatestJournalAsync(Client);
        Assert.True(entry.GetProperty("durationMs").GetDouble() >= 3000);
    }

    [Fact]
    public async Task LatencyOnlyRule_DelaysTheRealAnswer_MarkedInjected()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, latencyMs = 1000 });

        using var response = await FaultTestClient.AdvanceUntilDoneAsync(factory.Clock, Client.GetAsync(ProbeApi.LimitedPath), TimeSpan.FromMilliseconds(500));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.True((await FaultTestClient.LatestJournalAsync(Client)).GetProperty("injected").GetBoolean());
    }
}
