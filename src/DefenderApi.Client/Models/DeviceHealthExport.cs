namespace DefenderApi.Client.Models;

/// <summary>The file locations of a device health export.</summary>
public sealed record DeviceHealthExport
{
    /// <summary>Download URLs (gzip multiline JSON, valid 3 hours).</summary>
    public IReadOnlyList<string>? ExportFiles { get; init; }

    /// <summary>When the export was generated.</summary>
    public DateTimeOffset? GeneratedTime { get; init; }
}
