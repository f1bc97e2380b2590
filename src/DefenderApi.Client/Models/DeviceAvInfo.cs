namespace DefenderApi.Client.Models;

/// <summary>The antivirus health of a device (<see href="https://learn.microsoft.com/defender-endpoint/api/device-health-api-methods-properties">Microsoft Defender Antivirus export device antivirus health details API methods and properties</see>).</summary>
public sealed record DeviceAvInfo
{
    /// <summary>Engine update time.</summary>
    public DateTimeOffset? AvEngineUpdateTime { get; init; }

    /// <summary>Engine version.</summary>
    public string? AvEngineVersion { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? AvIsEngineUpToDate { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? AvIsPlatformUpToDate { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? AvIsSignatureUpToDate { get; init; }

    /// <summary><c>0</c> Active … <c>5</c> PassiveAudit; empty means Other.</summary>
    public string? AvMode { get; init; }

    /// <summary>Platform update time.</summary>
    public DateTimeOffset? AvPlatformUpdateTime { get; init; }

    /// <summary>Platform version.</summary>
    public string? AvPlatformVersion { get; init; }

    /// <summary>Signature publish time.</summary>
    public DateTimeOffset? AvSignaturePublishTime { get; init; }

    /// <summary>Signature update time.</summary>
    public DateTimeOffset? AvSignatureUpdateTime { get; init; }

    /// <summary>Signature version.</summary>
    public string? AvSignatureVersion { get; init; }

    /// <summary>Device name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>When the data was refreshed.</summary>
    public DateTimeOffset? DataRefreshTimestamp { get; init; }

    /// <summary>Full scan error.</summary>
    public string? FullScanError { get; init; }

    /// <summary><c>Completed</c>, <c>Canceled</c> or <c>Failed</c>.</summary>
    public string? FullScanResult { get; init; }

    /// <summary>Full scan time.</summary>
    public DateTimeOffset? FullScanTime { get; init; }

    /// <summary>Row id.</summary>
    public string? Id { get; init; }

    /// <summary>Last seen.</summary>
    public DateTimeOffset? LastSeenTime { get; init; }

    /// <summary>The device.</summary>
    public string? MachineId { get; init; }

    /// <summary><c>windows</c>, <c>mac</c> or <c>linux</c>.</summary>
    public string? OsKind { get; init; }

    /// <summary>Operating system platform.</summary>
    public string? OsPlatform { get; init; }

    /// <summary>Operating system version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>Quick scan error.</summary>
    public string? QuickScanError { get; init; }

    /// <summary>Quick scan result.</summary>
    public string? QuickScanResult { get; init; }

    /// <summary>Quick scan time.</summary>
    public DateTimeOffset? QuickScanTime { get; init; }

    /// <summary>Device group id.</summary>
    public long? RbacGroupId { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }
}
