using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>A response action on a device (<see href="https://learn.microsoft.com/defender-endpoint/api/machineaction">machineAction resource type</see>).</summary>
public sealed record MachineAction
{
    /// <summary>The action id (a GUID).</summary>
    public string? Id { get; init; }

    /// <summary><c>RunAntiVirusScan</c>, <c>Offboard</c>, <c>LiveResponse</c>, <c>CollectInvestigationPackage</c>, <c>Isolate</c>, <c>Unisolate</c>, <c>StopAndQuarantineFile</c>, <c>RestrictCodeExecution</c> or <c>UnrestrictCodeExecution</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>Full</c>/<c>Selective</c> for isolation, <c>Quick</c>/<c>Full</c> for an antivirus scan, otherwise null.</summary>
    public string? Scope { get; init; }

    /// <summary>Who requested the action.</summary>
    public string? Requestor { get; init; }

    /// <summary>Id the caller gave for its own correlation.</summary>
    [JsonPropertyName("externalID")]
    public string? ExternalId { get; init; }

    /// <summary>Where the request came from.</summary>
    public string? RequestSource { get; init; }

    /// <summary>Live response commands and their progress.</summary>
    public IReadOnlyList<LiveResponseCommandStatus>? Commands { get; init; }

    /// <summary>Who cancelled the action.</summary>
    public string? CancellationRequestor { get; init; }

    /// <summary>The comment given with the request.</summary>
    public string? RequestorComment { get; init; }

    /// <summary>The comment given with the cancellation.</summary>
    public string? CancellationComment { get; init; }

    /// <summary><c>Pending</c>, <c>InProgress</c>, <c>Succeeded</c>, <c>Failed</c>, <c>TimeOut</c> or <c>Cancelled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The device the action runs on.</summary>
    public string? MachineId { get; init; }

    /// <summary>The device name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>When the action was created.</summary>
    public DateTimeOffset? CreationDateTimeUtc { get; init; }

    /// <summary>When the action was cancelled.</summary>
    public DateTimeOffset? CancellationDateTimeUtc { get; init; }

    /// <summary>When the action status last changed.</summary>
    public DateTimeOffset? LastUpdateDateTimeUtc { get; init; }

    /// <summary>The action title.</summary>
    public string? Title { get; init; }

    /// <summary>The file the action is about (stop and quarantine).</summary>
    public RelatedFileInfo? RelatedFileInfo { get; init; }

    /// <summary>The error result of a failed action (live response examples).</summary>
    public int? ErrorHResult { get; init; }
}
