using DefenderApi.Emulator.Alerts;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Checks and applies <c>PATCH /api/incidents/{id}</c> ("Update incidents API",
/// https://learn.microsoft.com/defender-xdr/api-update-incidents): the documented values (enum values in any case,
/// written back in the documented case), the determination checked against the classification's list, tags replacing
/// the list, a comment appended with its author and time. What the change means for the incident's alerts
/// (docs/fidelity.md): resolving resolves them, reopening a resolved incident reopens them, and the owner,
/// classification and determination are given to them too.
/// </summary>
internal static class IncidentChangeRules
{
    /// <summary>The classification of an incident nobody classified.</summary>
    public const string UnknownClassification = "Unknown";

    /// <summary>The determination of an incident nobody classified.</summary>
    public const string NoDetermination = "NotAvailable";

    private static readonly string[] Statuses = ["Active", "Resolved", "InProgress", "Redirected"];

    private static readonly Dictionary<string, string[]> DeterminationsByClassification = new(StringComparer.Ordinal)
    {
        ["TruePositive"] = ["MultiStagedAttack", "MaliciousUserActivity", "CompromisedAccount", "Malware", "Phishing", "UnwantedSoftware", "Other"],
        ["InformationalExpectedActivity"] = ["SecurityTesting", "LineOfBusinessApplication", "ConfirmedActivity", "Other"],
        ["FalsePositive"] = ["Clean", "NoEnoughDataToValidate", "Other"],
    };

    // The incident page's names for two alert determinations.
    private static readonly Dictionary<string, AlertDetermination> AlertDeterminations = new(StringComparer.Ordinal)
    {
        ["CompromisedAccount"] = AlertDetermination.CompromisedUser,
        ["NoEnoughDataToValidate"] = AlertDetermination.InsufficientData,
    };

    /// <summary>Checks the body's values and applies them to the incident and its alerts (all tracked).</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="alerts">Every alert of the incident.</param>
    /// <param name="request">The body.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="now">The time.</param>
    /// <exception cref="DefenderErrorException">A value outside the documented ones (<c>InvalidInput</c> naming it).</exception>
    public static void Apply(Incident incident, IReadOnlyList<Alert> alerts, UpdateIncidentRequest request, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Status is null ? (IncidentStatus?)null : Enum.Parse<IncidentStatus>(Pick(request.Status, "status", Statuses));
        var classification = request.Classification is null ? null : Pick(request.Classification, "classification", [.. DeterminationsByClassification.Keys]);
        var determination = request.Determination is null ? null : CheckDetermination(request.Determination, classification ?? incident.Classification);
        if (request.Tags?.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{blank}' in tags; a tag is a non-empty string"));
        }

        // Reopening: an open status for an incident whose alerts are all resolved (a resolved or redirected one).
        var reopening = status is IncidentStatus.Active or IncidentStatus.InProgress && alerts.All(a => a.Status == AlertStatus.Resolved);
        var alertChange = new CheckedAlertChange(
            status switch
            {
                IncidentStatus.Resolved => AlertStatus.Resolved,
                IncidentStatus.Active when reopening => AlertStatus.New,
                IncidentStatus.InProgress when reopening => AlertStatus.InProgress,
                _ => null,
            },
            request.AssignedTo,
            classification is null ? null : Enum.Parse<AlertClassification>(classification),
            determination is null ? null : AlertDeterminations.TryGetValue(determination, out var mapped) ? mapped : Enum.Parse<AlertDetermination>(determination),
            null);
        if (alertChange != new CheckedAlertChange(null, null, null, null, null))
        {
            foreach (var alert in alerts)
            {
                var keepStatus = alertChange.Status is AlertStatus.New or AlertStatus.InProgress && alert.Status != AlertStatus.Resolved;
                AlertChangeRules.Apply(alert, keepStatus ? alertChange with { Status = null } : alertChange, actor, now);
            }
        }

        incident.Status = status ?? incident.Status;
        incident.AssignedTo = request.AssignedTo ?? incident.AssignedTo;
        if (classification is not null)
        {
            incident.Classification = classification;
            incident.Determination = determination ?? NoDetermination;
        }
        else if (determination is not null)
        {
            incident.Determination = determination;
        }

        incident.Tags = request.Tags is null ? incident.Tags : [.. request.Tags];
        if (request.Comment is { } comment)
        {
            incident.Comments = [.. incident.Comments, new IncidentComment { Comment = comment, CreatedBy = actor, CreatedTime = now }];
        }

        incident.LastUpdateTime = now;
    }

    private static string CheckDetermination(string value, string classification)
    {
        if (!DeterminationsByClassification.TryGetValue(classification, out var allowed))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{value}' for determination; the incident has no classification (set classification with the determination)"));
        }

        return Pick(value, $"determination with classification {classification}", allowed);
    }

    private static string Pick(string value, string parameter, string[] allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
        ?? throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{value}' for {parameter}; allowed values: {string.Join(", ", allowed)}"));
}

/// <summary>The body of <c>PATCH /api/incidents/{id}</c>; names are case-sensitive as the page writes them.</summary>
internal sealed record UpdateIncidentRequest
{
    /// <summary><c>Active</c>, <c>Resolved</c>, <c>InProgress</c> or <c>Redirected</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Owner.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("assignedTo")]
    public string? AssignedTo { get; init; }

    /// <summary><c>TruePositive</c>, <c>InformationalExpectedActivity</c> or <c>FalsePositive</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("classification")]
    public string? Classification { get; init; }

    /// <summary>One of the classification's determinations.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("determination")]
    public string? Determination { get; init; }

    /// <summary>The new tag list (replaces the old one).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("tags")]
    public List<string>? Tags { get; init; }

    /// <summary>A comment to add.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("comment")]
    public string? Comment { get; init; }
}
