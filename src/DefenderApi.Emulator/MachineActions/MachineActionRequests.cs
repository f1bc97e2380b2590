namespace DefenderApi.Emulator.MachineActions;

/// <summary>A body with only the required <c>Comment</c> (unisolate, restrict, unrestrict, collect, offboard).</summary>
internal sealed record CommentRequest
{
    /// <summary>Comment to associate with the action. Required.</summary>
    public required string Comment { get; init; }
}

/// <summary>Body of a cancel call: <c>Comment</c> is not marked required on the page.</summary>
internal sealed record CancelRequest
{
    /// <summary>Why the action is cancelled.</summary>
    public string? Comment { get; init; }
}

/// <summary>Isolation types.</summary>
internal enum IsolationType
{
    /// <summary>Full isolation.</summary>
    Full,

    /// <summary>Selective isolation (Outlook, Teams, Skype still connect).</summary>
    Selective,

    /// <summary>Contain an unmanaged device.</summary>
    UnManagedDevice,
}

/// <summary>Body of <c>POST /api/machines/{id}/isolate</c>.</summary>
internal sealed record IsolateRequest
{
    /// <summary>Comment. Required.</summary>
    public required string Comment { get; init; }

    /// <summary>Full (default), Selective or UnManagedDevice.</summary>
    public IsolationType? IsolationType { get; init; }
}

/// <summary>Scan types.</summary>
internal enum ScanType
{
    /// <summary>Quick scan.</summary>
    Quick,

    /// <summary>Full scan.</summary>
    Full,
}

/// <summary>Body of <c>POST /api/machines/{id}/runAntiVirusScan</c>.</summary>
internal sealed record AntivirusScanRequest
{
    /// <summary>Comment. Required.</summary>
    public required string Comment { get; init; }

    /// <summary>Quick or Full. Required.</summary>
    public required ScanType ScanType { get; init; }
}

/// <summary>Body of <c>POST /api/machines/{id}/StopAndQuarantineFile</c>.</summary>
internal sealed record StopAndQuarantineRequest
{
    /// <summary>Comment. Required.</summary>
    public required string Comment { get; init; }

    /// <summary>SHA-1 of the file. Required.</summary>
    public required string Sha1 { get; init; }
}
