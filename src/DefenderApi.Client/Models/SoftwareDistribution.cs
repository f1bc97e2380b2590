namespace DefenderApi.Client.Models;

/// <summary>Installations of one software version.</summary>
public sealed record SoftwareDistribution
{
    /// <summary>The version.</summary>
    public string? Version { get; init; }

    /// <summary>Number of installations.</summary>
    public long? Installations { get; init; }

    /// <summary>Number of vulnerabilities.</summary>
    public long? Vulnerabilities { get; init; }
}
