namespace DefenderApi.Client.Models;

/// <summary>File prevalence statistics.</summary>
public sealed record FileStats
{
    /// <summary>SHA-1.</summary>
    public string? Sha1 { get; init; }

    /// <summary>Devices in the organization that saw it.</summary>
    public long? OrganizationPrevalence { get; init; }

    /// <summary>First seen in the organization.</summary>
    public DateTimeOffset? OrgFirstSeen { get; init; }

    /// <summary>Last seen in the organization.</summary>
    public DateTimeOffset? OrgLastSeen { get; init; }

    /// <summary>Prevalence across organizations.</summary>
    public long? GloballyPrevalence { get; init; }

    /// <summary>First observed anywhere.</summary>
    public DateTimeOffset? GlobalFirstObserved { get; init; }

    /// <summary>Last observed anywhere.</summary>
    public DateTimeOffset? GlobalLastObserved { get; init; }

    /// <summary>Most common names of the file.</summary>
    public IReadOnlyList<string>? TopFileNames { get; init; }
}
