namespace DefenderApi.Client.Models;

/// <summary>The progress of one live response command.</summary>
public sealed record LiveResponseCommandStatus
{
    /// <summary>Zero-based command index.</summary>
    public int? Index { get; init; }

    /// <summary>When the command started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the command ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary><c>Created</c>, <c>Completed</c> or <c>Failed</c>.</summary>
    public string? CommandStatus { get; init; }

    /// <summary>Errors of the command.</summary>
    public IReadOnlyList<string>? Errors { get; init; }

    /// <summary>The command itself.</summary>
    public LiveResponseCommand? Command { get; init; }
}
