using System.Text.Json.Serialization;

namespace DefenderApi.Testing;

/// <summary>One exchange the emulator recorded (<c>GET /_emulator/journal</c>).</summary>
public sealed record JournalEntry
{
    /// <summary>When the request arrived (emulator clock).</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public string Method { get; init; } = string.Empty;

    /// <summary>The path as received.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    [JsonPropertyName("query")]
    public string Query { get; init; } = string.Empty;

    /// <summary>The response status.</summary>
    [JsonPropertyName("status")]
    public int Status { get; init; }

    /// <summary>The error of an error answer.</summary>
    [JsonPropertyName("error")]
    public JournalError? Error { get; init; }

    /// <summary>The caller's tenant, when known.</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    /// <summary>The caller's application, when known.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; init; }

    /// <summary>Whether the answer was an injected fault.</summary>
    [JsonPropertyName("injected")]
    public bool Injected { get; init; }
}

/// <summary>The error object of a recorded error answer.</summary>
/// <param name="Code">The wire code.</param>
/// <param name="Message">The message.</param>
/// <param name="Target">The correlation id.</param>
public sealed record JournalError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("target")] string Target);
