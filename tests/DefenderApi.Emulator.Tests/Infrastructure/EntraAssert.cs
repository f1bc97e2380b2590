using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Assertions on token endpoint failures in Entra ID's error shape.</summary>
public static class EntraAssert
{
    /// <summary>Asserts status, OAuth error, the AADSTS code first in the description and in <c>error_codes</c>, and the trace fields.</summary>
    public static async Task IsErrorAsync(HttpResponseMessage response, int status, string error, int code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status} but got {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(error, root.GetProperty("error").GetString());
        Assert.StartsWith($"AADSTS{code}:", root.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(code, root.GetProperty("error_codes")[0].GetInt32());
        Assert.True(Guid.TryParse(root.GetProperty("trace_id").GetString(), out _));
        Assert.True(Guid.TryParse(root.GetProperty("correlation_id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("timestamp").GetString()));
    }
}
