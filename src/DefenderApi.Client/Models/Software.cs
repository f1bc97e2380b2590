namespace DefenderApi.Client.Models;

/// <summary>A software product (<see href="https://learn.microsoft.com/defender-endpoint/api/software">Software methods and properties</see>).</summary>
public sealed record Software
{
    /// <summary>Id of the form <c>vendor-_-product</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Number of discovered vulnerabilities.</summary>
    public long? Weaknesses { get; init; }

    /// <summary>Whether a public exploit exists.</summary>
    public bool? PublicExploit { get; init; }

    /// <summary>Whether an active alert is associated.</summary>
    public bool? ActiveAlert { get; init; }

    /// <summary>Number of exposed devices.</summary>
    public long? ExposedMachines { get; init; }

    /// <summary>Impact on the exposure score.</summary>
    public double? ImpactScore { get; init; }
}
