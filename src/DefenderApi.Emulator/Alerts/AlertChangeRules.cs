using DefenderApi.Errors;

namespace DefenderApi.Emulator.Alerts;

/// <summary>
/// Checks alert updates against the documented values (<see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see>, <see href="https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts">Batch Update alert entities API</see>) and applies them.
/// Determination must fit the classification (the pages list the determinations per classification).
/// </summary>
internal static class AlertChangeRules
{
    private static readonly AlertStatus[] Statuses = [AlertStatus.New, AlertStatus.InProgress, AlertStatus.Resolved];

    private static readonly Dictionary<string, AlertClassification> ClassificationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TruePositive"] = AlertClassification.TruePositive,
        ["InformationalExpectedActivity"] = AlertClassification.InformationalExpectedActivity,
        ["Informational, expected activity"] = AlertClassification.InformationalExpectedActivity,
        ["FalsePositive"] = AlertClassification.FalsePositive,
    };

    private static readonly Dictionary<AlertClassification, AlertDetermination[]> DeterminationsByClassification = new()
    {
        [AlertClassification.TruePositive] =
        [
            AlertDetermination.MultiStagedAttack, AlertDetermination.MaliciousUserActivity, AlertDetermination.CompromisedUser,
            AlertDetermination.Malware, AlertDetermination.Phishing, AlertDetermination.UnwantedSoftware, AlertDetermination.Other,
        ],
        [AlertClassification.InformationalExpectedActivity] =
        [
            AlertDetermination.SecurityTesting, AlertDetermination.LineOfBusinessApplication, AlertDetermination.ConfirmedActivity,
            AlertDetermination.ConfirmedUserActivity, AlertDetermination.Other,
        ],
        [AlertClassification.FalsePositive] =
        [
            AlertDetermination.NotMalicious, AlertDetermination.Clean, AlertDetermination.InsufficientData, AlertDetermination.Other,
        ],
    };

    /// <summary>Parses and checks a change (without an alert: values only).</summary>
    /// <param name="change">The change as sent.</param>
    /// <returns>The checked change.</returns>
    /// <exception cref="DefenderErrorException">A value outside the documented ones (InvalidInput naming it).</exception>
    public static CheckedAlertChange Check(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new CheckedAlertChange(
            change.Status is null ? null : ParseStatus(change.Status),
            change.AssignedTo,
            change.Classification is null ? null : ParseClassification(change.Classification),
            change.Determination is null ? null : ParseDetermination(change.Determination),
            change.Comment);
    }

    /// <summary>Applies a checked change to an alert, checking the determination against the resulting classification.</summary>
    /// <param name="alert">The alert (tracked).</param>
    /// <param name="change">The change.</param>
    /// <param name="actor">Who makes the change (comment author).</param>
    /// <param name="now">The time.</param>
    /// <exception cref="DefenderErrorException">The determination does not fit the classification.</exception>
    public static void Apply(Alert alert, CheckedAlertChange change, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(change);
        var classification = change.Classification ?? alert.Classification;
        if (change.Determination is { } determination && classification is { } c && !DeterminationsByClassification[c].Contains(determination))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{determination}' for determination with classification {c}; allowed values: {string.Join(", ", DeterminationsByClassification[c])}"));
        }

        if (change.Status is { } status && status != alert.Status)
        {
            alert.Status = status;
            alert.ResolvedTime = status == AlertStatus.Resolved ? now : null;
        }

        alert.AssignedTo = change.AssignedTo ?? alert.AssignedTo;
        alert.Classification = classification;
        alert.Determination = change.Determination ?? (change.Classification is null ? alert.Determination : null);
        if (change.Comment is { } comment)
        {
            alert.Comments = [.. alert.Comments, new AlertComment { Comment = comment, CreatedBy = actor, CreatedTime = now }];
        }

        alert.LastUpdateTime = now;
    }

    private static AlertStatus ParseStatus(string value) =>
        Statuses.FirstOrDefault(s => s.ToString().Equals(value, StringComparison.OrdinalIgnoreCase)) is var status && status != AlertStatus.Unknown
            ? status
            : throw Invalid(value, "status", Statuses.Select(s => s.ToString()));

    private static AlertClassification ParseClassification(string value) =>
        ClassificationNames.TryGetValue(value, out var classification)
            ? classification
            : throw Invalid(value, "classification", ["TruePositive", "InformationalExpectedActivity", "FalsePositive"]);

    private static AlertDetermination ParseDetermination(string value)
    {
        if (value.Equals("Apt", StringComparison.OrdinalIgnoreCase) || value.Equals("SecurityPersonnel", StringComparison.OrdinalIgnoreCase))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{value}' for determination; this value was deprecated in August 2022"));
        }

        return Enum.GetNames<AlertDetermination>().Contains(value, StringComparer.OrdinalIgnoreCase)
            ? Enum.Parse<AlertDetermination>(value, ignoreCase: true)
            : throw Invalid(value, "determination", Enum.GetNames<AlertDetermination>());
    }

    private static DefenderErrorException Invalid(string value, string parameter, IEnumerable<string> allowed) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {parameter}; allowed values: {string.Join(", ", allowed)}"));
}

/// <summary>A change whose values are documented ones.</summary>
/// <param name="Status">New status.</param>
/// <param name="AssignedTo">New owner.</param>
/// <param name="Classification">New classification.</param>
/// <param name="Determination">New determination.</param>
/// <param name="Comment">Comment to add.</param>
internal sealed record CheckedAlertChange(
    AlertStatus? Status, string? AssignedTo, AlertClassification? Classification, AlertDetermination? Determination, string? Comment);
