using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The body of <c>PATCH /api/alerts/{id}</c>, with the property case of the page's table.</summary>
public sealed record AlertUpdate
{
    /// <summary><c>New</c>, <c>InProgress</c> or <c>Resolved</c>.</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary><c>TruePositive</c>, <c>InformationalExpectedActivity</c> or <c>FalsePositive</c>.</summary>
    [JsonPropertyName("Classification")]
    public string? Classification { get; init; }

    /// <summary>The determination, e.g. <c>Malware</c>, <c>SecurityTesting</c>, <c>Other</c>.</summary>
    [JsonPropertyName("Determination")]
    public string? Determination { get; init; }

    /// <summary>A comment to add.</summary>
    [JsonPropertyName("Comment")]
    public string? Comment { get; init; }
}

/// <summary>The body of <c>POST /api/alerts/batchUpdate</c> (all-lowercase names, as the page's table).</summary>
public sealed record AlertBatchUpdate
{
    /// <summary>The alerts to update.</summary>
    [JsonPropertyName("alertIds")]
    public required IReadOnlyList<string> AlertIds { get; init; }

    /// <summary>The new status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary>The classification.</summary>
    [JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>The determination.</summary>
    [JsonPropertyName("determination")]
    public string? Determination { get; init; }

    /// <summary>A comment to add.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }
}

/// <summary>The body of <c>POST /api/alerts/CreateAlertByReference</c>; every property is required.</summary>
public sealed record AlertByReference
{
    /// <summary>The event time exactly as advanced hunting returned it.</summary>
    [JsonPropertyName("eventTime")]
    public required string EventTime { get; init; }

    /// <summary>The event's <c>ReportId</c> from advanced hunting.</summary>
    [JsonPropertyName("reportId")]
    public required string ReportId { get; init; }

    /// <summary>The device of the event.</summary>
    [JsonPropertyName("machineId")]
    public required string MachineId { get; init; }

    /// <summary><c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>The alert title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The alert description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The recommended action.</summary>
    [JsonPropertyName("recommendedAction")]
    public required string RecommendedAction { get; init; }

    /// <summary>The category, e.g. <c>Malware</c>, <c>SuspiciousActivity</c>.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }
}
