using System.Net;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// Writes racing on one entity (16 to 1,000 in flight, rate limits off): a delete has exactly one winner and every
/// loser a 404 envelope; updates lose nothing; no answer is a 5xx.
/// </summary>
public sealed class ConcurrentWriteTests : IClassFixture<ConcurrentWriteTests.Factory>
{
    private readonly Factory _factory;

    public ConcurrentWriteTests(Factory factory) => _factory = factory;

    public sealed class Factory : EmulatorFactory
    {
        private readonly SemaphoreSlim _ready = new(1, 1);
        private bool _prepared;

        public async Task<HttpClient> ClientAsync()
        {
            await _ready.WaitAsync();
            try
            {
                if (!_prepared)
                {
                    using var admin = await CreateReadyClientAsync();
                    using var settings = await admin.PutAsync("/_emulator/settings", Json("""{"rateLimits":{"enabled":false}}"""));
                    settings.EnsureSuccessStatusCode();
                    await TestMachines.LoadStandardAsync(this);
                    _prepared = true;
                }
            }
            finally
            {
                _ready.Release();
            }

            return await CreateApiClientAsync();
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> SubmitIndicatorAsync(HttpClient client)
    {
        var value = Guid.NewGuid().ToString("N") + "00000000";
        using var response = await client.PostAsync("/api/indicators", Json(
            $$"""{"indicatorValue":"{{value}}","indicatorType":"FileSha1","action":"Alert","title":"t","description":"d"}"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task AssertOneWinnerAsync(IReadOnlyList<HttpResponseMessage> responses)
    {
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.NoContent))
        {
            await ErrorAssert.IsErrorAsync(loser, HttpStatusCode.NotFound, "ResourceNotFound");
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    [InlineData(1000)]
    public async Task ParallelDeletes_OfOneIndicator_HaveExactlyOneWinner_AndLosersGet404(int inFlight)
    {
        using var client = await _factory.ClientAsync();
        var id = await SubmitIndicatorAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => client.DeleteAsync($"/api/indicators/{id}")));

        await AssertOneWinnerAsync(responses);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    public async Task ParallelBatchDeletes_OfTheSameIds_HaveExactlyOneWinner_AndLosersGet404(int inFlight)
    {
        using var client = await _factory.ClientAsync();
        var ids = new[] { await SubmitIndicatorAsync(client), await SubmitIndicatorAsync(client), await SubmitIndicatorAsync(client) };
        var body = JsonSerializer.Serialize(new { IndicatorIds = ids });

        var responses = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => client.PostAsync("/api/indicators/BatchDelete", Json(body))));

        await AssertOneWinnerAsync(responses);
    }

    [Fact]
    public async Task AdminMachineLoads_RacingApiTagWrites_NeverAnswer5xx()
    {
        // The bulk loader writes through its own prepared statements; on the in-memory store another connection's
        // write transaction made them fail at once with SQLITE_LOCKED (a 500 each in the long fuzz run).
        using var client = await _factory.ClientAsync();
        using var admin = await _factory.CreateReadyClientAsync();
        const string Machine = "ad0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d";
        var load = $$"""[{"id":"{{Machine}}","computerDnsName":"race-load.contoso.com","osPlatform":"Linux","healthStatus":"Active"}]""";
        var path = $"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines";
        using (var first = await admin.PostAsync(path, Json(load)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? admin.PostAsync(path, Json(load))
            : client.PostAsync($"/api/machines/{Machine}/tags", Json($$"""{"Value":"load-race-{{i}}","Action":"Add"}"""))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    public async Task ParallelTagAdds_OfDistinctTags_KeepEveryTag(int inFlight)
    {
        using var client = await _factory.ClientAsync();
        var machine = TestMachines.Linux;
        var prefix = $"race-{inFlight}-";

        var responses = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(i =>
            client.PostAsync($"/api/machines/{machine}/tags", Json($$"""{"Value":"{{prefix}}{{i}}","Action":"Add"}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/machines/{machine}"));
        var tags = after.RootElement.GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()!).Where(t => t.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, inFlight).Select(i => $"{prefix}{i}").Order(), tags.Order());
    }

    [Fact]
    public async Task ParallelMultiMachineTagAdds_OfOneTag_StoreItOncePerMachine()
    {
        using var client = await _factory.ClientAsync();
        var body = Json($$"""{"Value":"same-race","Action":"Add","MachineIds":["{{TestMachines.MacOs}}","{{TestMachines.Android}}"]}""");
        var text = await body.ReadAsStringAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.PostAsync("/api/machines/AddOrRemoveTagForMultipleMachines", Json(text))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var machine in new[] { TestMachines.MacOs, TestMachines.Android })
        {
            using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/machines/{machine}"));
            Assert.Single(after.RootElement.GetProperty("machineTags").EnumerateArray(), t => t.GetString() == "same-race");
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    public async Task ParallelAlertUpdates_WithComments_KeepEveryComment(int inFlight)
    {
        using var client = await _factory.ClientAsync();
        var alertId = $"race-alert-{inFlight}";
        using (var admin = await _factory.CreateReadyClientAsync())
        {
            using var loaded = await admin.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/alerts", Json(
                $$"""[{"id":"{{alertId}}","title":"race","severity":"High","status":"New","category":"Malware","machineId":"{{TestMachines.Linux}}","alertCreationTime":"2026-11-01T10:00:00Z","lastUpdateTime":"2026-11-01T10:00:00Z"}]"""));
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(i =>
            client.PatchAsync($"/api/alerts/{alertId}", Json($$"""{"comment":"c{{i}}","status":"{{(i % 2 == 0 ? "InProgress" : "Resolved")}}"}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/alerts/{alertId}"));
        var comments = after.RootElement.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("comment").GetString()!);
        Assert.Equal(Enumerable.Range(0, inFlight).Select(i => $"c{i}").Order(StringComparer.Ordinal), comments.Order(StringComparer.Ordinal));
    }
}
