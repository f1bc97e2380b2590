using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Alerts;

/// <summary>Reads demo alerts for tests.</summary>
internal static class DemoAlerts
{
    /// <summary>The first demo alerts with their evidence.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WithEvidenceAsync(HttpClient client, int top = 5) =>
        await ODataJson.ValuesAsync(await client.GetAsync($"/api/alerts?$top={top}&$expand=evidence"));

    /// <summary>The first evidence of <paramref name="entityType"/> of an alert.</summary>
    public static JsonElement Evidence(JsonElement alert, string entityType) =>
        alert.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("entityType").GetString() == entityType);

    /// <summary>JSON content.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
