namespace DefenderApi.Client.Models;

/// <summary>An automated investigation (<see href="https://learn.microsoft.com/defender-endpoint/api/investigation">Investigation resource type</see>).</summary>
public sealed record Investigation
{
    /// <summary>The investigation id.</summary>
    public string? Id { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Who cancelled it.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>Investigation state, e.g. <c>Running</c>, <c>Benign</c>, <c>SuccessfullyRemediated</c>.</summary>
    public string? State { get; init; }

    /// <summary>Status details.</summary>
    public string? StatusDetails { get; init; }

    /// <summary>The device investigated.</summary>
    public string? MachineId { get; init; }

    /// <summary>The device name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>The alert that started it.</summary>
    public string? TriggeringAlertId { get; init; }
}
