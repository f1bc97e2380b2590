using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Indicators;

public sealed class ConcurrentSubmitTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task ParallelSubmits_OfDistinctValues_AllSucceed_WithDistinctIds()
    {
        using var client = await factory.CreateApiClientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.PostAsJsonAsync("/api/indicators", new
        {
            indicatorValue = $"{i:x40}",
            indicatorType = "FileSha1",
            action = "Alert",
            title = "parallel",
            description = "parallel submit",
            severity = "Informational",
            generateAlert = true,
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").ToString()));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
