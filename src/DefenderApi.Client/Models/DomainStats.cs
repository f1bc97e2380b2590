namespace DefenderApi.Client.Models;

/// <summary>Domain prevalence statistics.</summary>
public sealed record DomainStats
{
    /// <summary>The domain.</summary>
    public string? Host { get; init; }

    /// <summary>Devices in the organization that communicated with it.</summary>
    public long? OrganizationPrevalence { get; init; }

    /// <summary>First seen in the organization.</summary>
    public DateTimeOffset? OrgFirstSeen { get; init; }

    /// <summary>Last seen in the organization.</summary>
    public DateTimeOffset? OrgLastSeen { get; init; }
}
