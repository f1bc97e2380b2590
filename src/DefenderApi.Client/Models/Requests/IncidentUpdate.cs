using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The body of <c>PATCH /api/incidents/{id}</c> (names in the page's case; unset properties are not sent).</summary>
public sealed record IncidentUpdate
{
    /// <summary><c>Active</c>, <c>Resolved</c>, <c>InProgress</c> or <c>Redirected</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary><c>TruePositive</c>, <c>InformationalExpectedActivity</c> or <c>FalsePositive</c>.</summary>
    [JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>One of the classification's determinations, e.g. <c>Malware</c>.</summary>
    [JsonPropertyName("determination")]
    public string? Determination { get; init; }

    /// <summary>The new tag list (replaces the old one).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>A comment to add.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}
