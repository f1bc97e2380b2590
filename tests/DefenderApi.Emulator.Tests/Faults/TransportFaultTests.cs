using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;
using Microsoft.AspNetCore.Hosting;

namespace DefenderApi.Emulator.Tests.Faults;

public sealed class TransportFaultTests(TransportFaultTests.Factory factory) : IClassFixture<TransportFaultTests.Factory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public sealed class Factory : ThrottlingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Emulator:Faults:TimeoutSeconds", "30");
        }
    }

    public async ValueTask InitializeAsync()
    {
        using (var admin = await factory.CreateReadyClientAsync())
        {
            await FaultTestClient.ClearAsync(admin);
        }

        _client = await factory.CreateApiClientAsync();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("empty")]
    public async Task TransportFault_AbortsTheConnectionWithoutAnAnswer_MarkedInjected(string transport)
    {
        var id = await FaultTestClient.AddRuleAsync(_client, new { path = ProbeApi.LimitedPath, transport });

        await Assert.ThrowsAnyAsync<Exception>(() => _client.GetAsync(ProbeApi.LimitedPath));

        var entry = await FaultTestClient.LatestJournalAsync(_client);
        Assert.Equal(ProbeApi.LimitedPath, entry.GetProperty("path").GetString());
        Assert.True(entry.GetProperty("injected").GetBoolean());
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task Timeout_HoldsTheRequestUntilTheCap_ThenClosesTheConnection()
    {
        await FaultTestClient.AddRuleAsync(_client, new { path = ProbeApi.LimitedPath, transport = "timeout" });
        var started = factory.Clock.GetUtcNow();

        var call = _client.GetAsync(ProbeApi.LimitedPath);
        while (!call.IsCompleted)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Timeout_EndsWhenTheClientGivesUp()
    {
        await FaultTestClient.AddRuleAsync(_client, new { path = ProbeApi.LimitedPath, transport = "timeout" });
        using var giveUp = new CancellationTokenSource();

        var call = _client.GetAsync(ProbeApi.LimitedPath, giveUp.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Latency_DelaysTheAnswerByThatTimeOnTheEmulatorClock()
    {
        await FaultTestClient.AddRuleAsync(_client, new { path = ProbeApi.LimitedPath, latencyMs = 3000, error = "InternalServerError" });
        var started = factory.Clock.GetUtcNow();

        var call = _client.GetAsync(ProbeApi.LimitedPath);
        while (!call.IsCompleted)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        using var response = await call;
        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServerError");
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(3));
        var entry = await FaultTestClient.LatestJournalAsync(_client);
        Assert.True(entry.GetProperty("durationMs").GetDouble() >= 3000);
    }

    [Fact]
    public async Task LatencyOnlyRule_DelaysTheRealAnswer_MarkedInjected()
    {
        await FaultTestClient.AddRuleAsync(_client, new { path = ProbeApi.LimitedPath, latencyMs = 1000 });

        var call = _client.GetAsync(ProbeApi.LimitedPath);
        while (!call.IsCompleted)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        using var response = await call;
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.True((await FaultTestClient.LatestJournalAsync(_client)).GetProperty("injected").GetBoolean());
    }
}
