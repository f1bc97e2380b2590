using System.Text.Json;
using System.Text.Json.Nodes;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Vulnerabilities.Assessments;

/// <summary>The demo tenant (with users) that every assessment export test reads; shared, read-only.</summary>
public sealed class AssessmentExportFactory : ProtectedApiFactory
{
    public AssessmentExportFactory()
    {
        Seed = "demo";
        DemoMachines = 150;
        // The consistency tests page through every row and call each device's lists: far beyond 30 calls a minute.
        Settings["Emulator:RateLimits:Enabled"] = "false";
    }
}

[CollectionDefinition(Name)]
public sealed class AssessmentExportCollection : ICollectionFixture<AssessmentExportFactory>
{
    public const string Name = "Assessment exports";
}

/// <summary>The export paths and readers for their answers.</summary>
public static class Exports
{
    public const string Vulnerabilities = "/api/machines/SoftwareVulnerabilitiesByMachine";
    public const string Inventory = "/api/machines/SoftwareInventoryByMachine";
    public const string Configurations = "/api/machines/SecureConfigurationsAssessmentByMachine";

    public static TheoryData<string> All => [Vulnerabilities, Inventory, Configurations];

    /// <summary>Every row, following <c>@odata.nextLink</c>; also how many pages it took.</summary>
    public static async Task<(List<JsonElement> Rows, int Pages)> AllPagesAsync(HttpClient client, string url)
    {
        var rows = new List<JsonElement>();
        var pages = 0;
        for (string? next = url; next is not null; pages++)
        {
            var page = await ODataJson.OkAsync(await client.GetAsync(next));
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return (rows, pages);
    }

    /// <summary>The rows of the first (default, 50,000-row) page.</summary>
    public static async Task<IReadOnlyList<JsonElement>> RowsAsync(HttpClient client, string url) => await ODataJson.ValuesAsync(await client.GetAsync(url));

    /// <summary>The tenant's machines by id.</summary>
    public static async Task<Dictionary<string, JsonElement>> MachinesAsync(HttpClient client) =>
        (await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=10000"))).ToDictionary(m => m.Text("id"));

    /// <summary>The ids of a machine sub-collection (<c>software</c>, <c>vulnerabilities</c>, <c>recommendations</c>).</summary>
    public static async Task<HashSet<string>> IdsAsync(HttpClient client, string machineId, string collection) =>
        [.. (await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{machineId}/{collection}"))).Select(i => i.Text("id"))];

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>Asserts a row is exactly <paramref name="expected"/>: same properties, same order, same values.</summary>
    public static void IsGolden(string expected, JsonElement row) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(row.GetRawText())!.ToJsonString());
}
