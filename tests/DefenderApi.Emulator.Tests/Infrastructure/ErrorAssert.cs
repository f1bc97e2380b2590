using System.Net;
using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Assertions on error answers: status, exact envelope shape, code, message, GUID target.</summary>
public static class ErrorAssert
{
    /// <summary>Asserts the answer is the envelope with this status and code; returns the envelope's error object.</summary>
    public static async Task<ErrorBodyView> IsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(["error"], root.EnumerateObject().Select(p => p.Name));
        var error = root.GetProperty("error");
        Assert.Equal(["code", "message", "target"], error.EnumerateObject().Select(p => p.Name));
        var body = new ErrorBodyView(error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!, error.GetProperty("target").GetString()!);
        Assert.Equal(code, body.Code);
        Assert.True(Guid.TryParse(body.Target, out _), $"target '{body.Target}' is not a GUID");
        if (message is not null)
        {
            Assert.Equal(message, body.Message);
        }

        return body;
    }

    /// <summary>The golden form of an error answer, with the target replaced, for exact comparisons.</summary>
    public static async Task<string> GoldenAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var target = json.RootElement.GetProperty("error").GetProperty("target").GetString()!;
        return text.Replace(target, "<target>", StringComparison.Ordinal);
    }
}

/// <summary>The error object of an envelope.</summary>
public sealed record ErrorBodyView(string Code, string Message, string Target);
