using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>A response action on a machine, as <see href="https://learn.microsoft.com/defender-endpoint/api/machineaction">machineAction resource type</see> documents it.</summary>
internal sealed class MachineAction : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Action id (a GUID).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The action type.</summary>
    public MachineActionType Type { get; set; }

    /// <summary><c>Full</c>/<c>Selective</c> for isolation, <c>Quick</c>/<c>Full</c> for scans, else null.</summary>
    public string? Scope { get; set; }

    /// <summary>Who asked (user or application).</summary>
    public string? Requestor { get; set; }

    /// <summary>The comment given with the request.</summary>
    public string? RequestorComment { get; set; }

    /// <summary>Current status.</summary>
    public MachineActionStatus Status { get; set; }

    /// <summary>The machine.</summary>
    public string MachineId { get; set; } = string.Empty;

    /// <summary>The machine's name.</summary>
    public string? ComputerDnsName { get; set; }

    /// <summary>When the action was created.</summary>
    public DateTimeOffset CreationDateTimeUtc { get; set; }

    /// <summary>When its status last changed.</summary>
    public DateTimeOffset LastUpdateDateTimeUtc { get; set; }

    /// <summary>Who cancelled it.</summary>
    public string? CancellationRequestor { get; set; }

    /// <summary>The cancellation comment.</summary>
    public string? CancellationComment { get; set; }

    /// <summary>When it was cancelled.</summary>
    public DateTimeOffset? CancellationDateTimeUtc { get; set; }

    /// <summary>The error HRESULT (0 when none).</summary>
    public int ErrorHResult { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Caller-supplied external id.</summary>
    [JsonPropertyName("externalID")]
    public string? ExternalId { get; set; }

    /// <summary>Where the request came from (<c>PublicApi</c>).</summary>
    public string? RequestSource { get; set; }

    /// <summary>The file of a stop-and-quarantine action.</summary>
    public RelatedFileInfo? RelatedFileInfo { get; set; }

    /// <summary>Live response commands and their progress.</summary>
    public List<LiveResponseCommandState> Commands { get; set; } = [];

    /// <summary>When a timed action starts running (null: only the admin call moves it).</summary>
    [JsonIgnore]
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>When a timed action succeeds (null: only the admin call completes it).</summary>
    [JsonIgnore]
    public DateTimeOffset? CompletesAt { get; set; }

    /// <summary>Whether the action is still pending or running.</summary>
    [JsonIgnore]
    public bool IsActive => Status is MachineActionStatus.Pending or MachineActionStatus.InProgress;
}

/// <summary>The file a stop-and-quarantine action is about.</summary>
internal sealed class RelatedFileInfo
{
    /// <summary>The hash.</summary>
    public string FileIdentifier { get; set; } = string.Empty;

    /// <summary><c>Sha1</c>, <c>Sha256</c> or <c>Md5</c>.</summary>
    public string FileIdentifierType { get; set; } = "Sha1";
}

/// <summary>One live response command and its progress.</summary>
internal sealed class LiveResponseCommandState
{
    /// <summary>0-based position.</summary>
    public int Index { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary><c>Created</c>, <c>Completed</c> or <c>Failed</c>.</summary>
    public string CommandStatus { get; set; } = "Created";

    /// <summary>Errors of the command.</summary>
    public List<string> Errors { get; set; } = [];

    /// <summary>The command as requested.</summary>
    public LiveResponseCommand Command { get; set; } = new();
}

/// <summary>A live response command: <c>{"type": ..., "params": [{"key": ..., "value": ...}]}</c>.</summary>
internal sealed class LiveResponseCommand
{
    /// <summary><c>PutFile</c>, <c>RunScript</c> or <c>GetFile</c>.</summary>
    public LiveResponseCommandType Type { get; set; }

    /// <summary>Parameters.</summary>
    public List<LiveResponseParam> Params { get; set; } = [];
}

/// <summary>A live response command parameter.</summary>
internal sealed class LiveResponseParam
{
    /// <summary>The name, e.g. <c>ScriptName</c>.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The value.</summary>
    public string Value { get; set; } = string.Empty;
}

/// <summary>Live response command types.</summary>
internal enum LiveResponseCommandType
{
    /// <summary>Put a library file on the device.</summary>
    PutFile,

    /// <summary>Run a library script.</summary>
    RunScript,

    /// <summary>Collect a file from the device.</summary>
    GetFile,
}

/// <summary>Machine action types.</summary>
internal enum MachineActionType
{
    /// <summary>Antivirus scan.</summary>
    RunAntiVirusScan,

    /// <summary>Offboarding.</summary>
    Offboard,

    /// <summary>Live response.</summary>
    LiveResponse,

    /// <summary>Investigation package collection.</summary>
    CollectInvestigationPackage,

    /// <summary>Isolation.</summary>
    Isolate,

    /// <summary>Release from isolation.</summary>
    Unisolate,

    /// <summary>Stop and quarantine a file.</summary>
    StopAndQuarantineFile,

    /// <summary>Restrict app execution.</summary>
    RestrictCodeExecution,

    /// <summary>Remove the app execution restriction.</summary>
    UnrestrictCodeExecution,
}

/// <summary>Machine action statuses.</summary>
internal enum MachineActionStatus
{
    /// <summary>Waiting for the device.</summary>
    Pending,

    /// <summary>Running.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Timed out.</summary>
    TimeOut,

    /// <summary>Cancelled.</summary>
    Cancelled,
}
