using System.Text.Json.Serialization;
using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Alerts;

/// <summary>
/// The body of <c>PATCH /api/alerts/{id}</c>. <see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see>'s table capitalises <c>Status</c>,
/// <c>Classification</c>, <c>Determination</c> and <c>Comment</c> while its example writes them in lower case;
/// both spellings are accepted (one of each pair at a time). The OpenAPI documents show the example's
/// (<see cref="UpdateAlertBody"/>).
/// </summary>
[DocumentedBody(typeof(UpdateAlertBody))]
internal sealed record UpdateAlertRequest
{
    /// <summary>Status (table spelling).</summary>
    public string? Status { get; init; }

    /// <summary>Status (example spelling).</summary>
    [JsonPropertyName("status")]
    public string? StatusLower { get; init; }

    /// <summary>Owner.</summary>
    [JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary>Classification (table spelling).</summary>
    public string? Classification { get; init; }

    /// <summary>Classification (example spelling).</summary>
    [JsonPropertyName("classification")]
    public string? ClassificationLower { get; init; }

    /// <summary>Determination (table spelling).</summary>
    public string? Determination { get; init; }

    /// <summary>Determination (example spelling).</summary>
    [JsonPropertyName("determination")]
    public string? DeterminationLower { get; init; }

    /// <summary>Comment (table spelling).</summary>
    public string? Comment { get; init; }

    /// <summary>Comment (example spelling).</summary>
    [JsonPropertyName("comment")]
    public string? CommentLower { get; init; }

    /// <summary>The change, with each pair merged.</summary>
    /// <returns>The change.</returns>
    public AlertChange ToChange() => new(
        Pick("Status", Status, StatusLower), AssignedTo, Pick("Classification", Classification, ClassificationLower),
        Pick("Determination", Determination, DeterminationLower), Pick("Comment", Comment, CommentLower));

    private static string? Pick(string name, string? table, string? example) => table is not null && example is not null
        ? throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
            $"parameter '{name}' was given twice ('{name}' and '{name.ToLowerInvariant()}')"))
        : table ?? example;
}

/// <summary>The body of <c>PATCH /api/alerts/{id}</c> as the OpenAPI documents show it (the example's spelling).</summary>
/// <param name="Status">New status: <c>New</c>, <c>InProgress</c> or <c>Resolved</c>.</param>
/// <param name="AssignedTo">The owner.</param>
/// <param name="Classification">The classification.</param>
/// <param name="Determination">The determination.</param>
/// <param name="Comment">A comment to add.</param>
internal sealed record UpdateAlertBody(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("assignedTo")] string? AssignedTo,
    [property: JsonPropertyName("classification")] string? Classification,
    [property: JsonPropertyName("determination")] string? Determination,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>The body of <c>POST /api/alerts/batchUpdate</c> (names as its table writes them).</summary>
internal sealed record BatchUpdateAlertsRequest
{
    /// <summary>The alerts. Required.</summary>
    [JsonPropertyName("alertIds")]
    public required List<string> AlertIds { get; init; }

    /// <summary>Status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Owner.</summary>
    [JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary>Classification.</summary>
    [JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>Determination.</summary>
    [JsonPropertyName("determination")]
    public string? Determination { get; init; }

    /// <summary>Comment.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>The change.</summary>
    /// <returns>The change.</returns>
    public AlertChange ToChange() => new(Status, AssignedTo, Classification, Determination, Comment);
}

/// <summary>The body of <c>POST /api/alerts/CreateAlertByReference</c>; all eight fields are required.</summary>
internal sealed record CreateAlertByReferenceRequest
{
    /// <summary>The event's exact time from advanced hunting.</summary>
    [JsonPropertyName("eventTime")]
    public required string EventTime { get; init; }

    /// <summary>The event's report id.</summary>
    [JsonPropertyName("reportId")]
    public required string ReportId { get; init; }

    /// <summary>The device.</summary>
    [JsonPropertyName("machineId")]
    public required string MachineId { get; init; }

    /// <summary><c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Recommended action.</summary>
    [JsonPropertyName("recommendedAction")]
    public required string RecommendedAction { get; init; }

    /// <summary>One of the 16 documented categories.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }
}

/// <summary>An update to apply to one or more alerts, as sent (values not yet checked).</summary>
/// <param name="Status">Status.</param>
/// <param name="AssignedTo">Owner.</param>
/// <param name="Classification">Classification.</param>
/// <param name="Determination">Determination.</param>
/// <param name="Comment">Comment to add.</param>
internal sealed record AlertChange(string? Status, string? AssignedTo, string? Classification, string? Determination, string? Comment);
