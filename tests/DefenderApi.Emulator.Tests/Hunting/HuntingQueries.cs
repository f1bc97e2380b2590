using System.Net;
using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Hunting;

/// <summary>Runs advanced hunting queries in tests that are about something else than the run endpoint itself.</summary>
internal static class HuntingQueries
{
    /// <summary>Runs a query that must succeed and returns its <c>Results</c> rows.</summary>
    public static async Task<List<JsonElement>> ResultsAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("Results").EnumerateArray().Select(r => r.Clone())];
    }

    /// <summary>The result of a query ending in <c>| count</c>.</summary>
    public static async Task<long> CountAsync(HttpClient client, string query) =>
        Assert.Single(await ResultsAsync(client, query)).GetProperty("Count").GetInt64();
}
