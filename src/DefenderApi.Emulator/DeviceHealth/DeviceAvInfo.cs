using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.DeviceHealth;

/// <summary>A device's antivirus health (<see href="https://learn.microsoft.com/defender-endpoint/api/device-health-api-methods-properties">Microsoft Defender Antivirus export device antivirus health details API methods and properties</see>, JSON response).</summary>
internal sealed class DeviceAvInfo : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Record id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The device.</summary>
    public string MachineId { get; set; } = string.Empty;

    /// <summary>Name.</summary>
    public string ComputerDnsName { get; set; } = string.Empty;

    /// <summary><c>windows</c>, <c>mac</c> or <c>linux</c>.</summary>
    public string OsKind { get; set; } = "windows";

    /// <summary>Platform.</summary>
    public string OsPlatform { get; set; } = string.Empty;

    /// <summary>OS version.</summary>
    public string? OsVersion { get; set; }

    /// <summary>AV mode "0"–"5" (Active, Passive, Disabled, Other, EDRBlocked, PassiveAudit).</summary>
    public string AvMode { get; set; } = "0";

    /// <summary>Signature version.</summary>
    public string? AvSignatureVersion { get; set; }

    /// <summary>Engine version.</summary>
    public string? AvEngineVersion { get; set; }

    /// <summary>Platform version.</summary>
    public string? AvPlatformVersion { get; set; }

    /// <summary>Last seen.</summary>
    public DateTimeOffset? LastSeenTime { get; set; }

    /// <summary><c>Completed</c>, <c>Canceled</c>, <c>Failed</c> or empty.</summary>
    public string QuickScanResult { get; set; } = string.Empty;

    /// <summary>Quick scan error.</summary>
    public string QuickScanError { get; set; } = string.Empty;

    /// <summary>Quick scan time.</summary>
    public DateTimeOffset? QuickScanTime { get; set; }

    /// <summary>Full scan result.</summary>
    public string FullScanResult { get; set; } = string.Empty;

    /// <summary>Full scan error.</summary>
    public string FullScanError { get; set; } = string.Empty;

    /// <summary>Full scan time.</summary>
    public DateTimeOffset? FullScanTime { get; set; }

    /// <summary>When the data was refreshed.</summary>
    public DateTimeOffset? DataRefreshTimestamp { get; set; }

    /// <summary>Engine update time.</summary>
    public DateTimeOffset? AvEngineUpdateTime { get; set; }

    /// <summary>Signature update time.</summary>
    public DateTimeOffset? AvSignatureUpdateTime { get; set; }

    /// <summary>Platform update time.</summary>
    public DateTimeOffset? AvPlatformUpdateTime { get; set; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string AvIsSignatureUpToDate { get; set; } = "Unknown";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string AvIsEngineUpToDate { get; set; } = "Unknown";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string AvIsPlatformUpToDate { get; set; } = "Unknown";

    /// <summary>Signature publish time.</summary>
    public DateTimeOffset? AvSignaturePublishTime { get; set; }

    /// <summary>Device group id.</summary>
    public long? RbacGroupId { get; set; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; set; }
}

internal sealed class DeviceAvInfoConfiguration : IEntityTypeConfiguration<DeviceAvInfo>
{
    public void Configure(EntityTypeBuilder<DeviceAvInfo> builder)
    {
        builder.ToTable("DeviceAvInfo");
        builder.HasKey(d => new { d.TenantId, d.Id });
    }
}
