using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Reads OData answers in tests.</summary>
public static class ODataJson
{
    /// <summary>Asserts 200 and parses the body.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>The <c>value</c> array of a collection answer.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ValuesAsync(HttpResponseMessage response) =>
        [.. (await OkAsync(response)).GetProperty("value").EnumerateArray()];
}
