namespace DefenderApi.Client.Models;

/// <summary>An evidence entity of an alert.</summary>
public sealed record AlertEvidence
{
    /// <summary>Entity type, e.g. <c>User</c>, <c>Process</c>, <c>File</c>.</summary>
    public string? EntityType { get; init; }

    /// <summary>When the evidence was created.</summary>
    public DateTimeOffset? EvidenceCreationTime { get; init; }

    /// <summary>SHA-1 of the file.</summary>
    public string? Sha1 { get; init; }

    /// <summary>SHA-256 of the file.</summary>
    public string? Sha256 { get; init; }

    /// <summary>File name.</summary>
    public string? FileName { get; init; }

    /// <summary>File path.</summary>
    public string? FilePath { get; init; }

    /// <summary>Process id.</summary>
    public long? ProcessId { get; init; }

    /// <summary>Process command line.</summary>
    public string? ProcessCommandLine { get; init; }

    /// <summary>Process creation time.</summary>
    public DateTimeOffset? ProcessCreationTime { get; init; }

    /// <summary>Parent process id.</summary>
    public long? ParentProcessId { get; init; }

    /// <summary>Parent process creation time.</summary>
    public DateTimeOffset? ParentProcessCreationTime { get; init; }

    /// <summary>Parent process file name.</summary>
    public string? ParentProcessFileName { get; init; }

    /// <summary>Parent process file path.</summary>
    public string? ParentProcessFilePath { get; init; }

    /// <summary>IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>URL.</summary>
    public string? Url { get; init; }

    /// <summary>Registry key.</summary>
    public string? RegistryKey { get; init; }

    /// <summary>Registry hive.</summary>
    public string? RegistryHive { get; init; }

    /// <summary>Registry value type.</summary>
    public string? RegistryValueType { get; init; }

    /// <summary>Registry value.</summary>
    public string? RegistryValue { get; init; }

    /// <summary>Account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>Domain name.</summary>
    public string? DomainName { get; init; }

    /// <summary>User SID.</summary>
    public string? UserSid { get; init; }

    /// <summary>Microsoft Entra user id.</summary>
    public string? AadUserId { get; init; }

    /// <summary>User principal name.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>Detection status, e.g. <c>Detected</c>.</summary>
    public string? DetectionStatus { get; init; }
}
