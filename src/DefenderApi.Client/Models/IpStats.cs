namespace DefenderApi.Client.Models;

/// <summary>IP address prevalence statistics.</summary>
public sealed record IpStats
{
    /// <summary>The address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Devices in the organization that communicated with it.</summary>
    public long? OrganizationPrevalence { get; init; }

    /// <summary>First seen in the organization.</summary>
    public DateTimeOffset? OrgFirstSeen { get; init; }

    /// <summary>Last seen in the organization.</summary>
    public DateTimeOffset? OrgLastSeen { get; init; }
}
