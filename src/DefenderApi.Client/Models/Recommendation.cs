namespace DefenderApi.Client.Models;

/// <summary>A security recommendation (<see href="https://learn.microsoft.com/defender-endpoint/api/recommendation">Recommendation methods and properties</see>).</summary>
public sealed record Recommendation
{
    /// <summary>Id of the form <c>va-_-vendor-_-product</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Product name.</summary>
    public string? ProductName { get; init; }

    /// <summary>Recommendation name.</summary>
    public string? RecommendationName { get; init; }

    /// <summary>Number of vulnerabilities.</summary>
    public long? Weaknesses { get; init; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Recommended version.</summary>
    public string? RecommendedVersion { get; init; }

    /// <summary>Recommended program.</summary>
    public string? RecommendedProgram { get; init; }

    /// <summary>Recommended vendor.</summary>
    public string? RecommendedVendor { get; init; }

    /// <summary><c>Accounts</c>, <c>Application</c>, <c>Network</c>, <c>OS</c> or <c>SecurityControls</c>.</summary>
    public string? RecommendationCategory { get; init; }

    /// <summary>Sub-category.</summary>
    public string? SubCategory { get; init; }

    /// <summary>Severity score.</summary>
    public double? SeverityScore { get; init; }

    /// <summary>Whether a public exploit exists.</summary>
    public bool? PublicExploit { get; init; }

    /// <summary>Whether an active alert is associated.</summary>
    public bool? ActiveAlert { get; init; }

    /// <summary>Associated threats.</summary>
    public IReadOnlyList<string>? AssociatedThreats { get; init; }

    /// <summary><c>ConfigurationChange</c>, <c>Update</c>, <c>Upgrade</c> or <c>Uninstall</c>.</summary>
    public string? RemediationType { get; init; }

    /// <summary><c>Active</c> or <c>Exception</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Impact on the configuration score.</summary>
    public double? ConfigScoreImpact { get; init; }

    /// <summary>Impact on the exposure score.</summary>
    public double? ExposureImpact { get; init; }

    /// <summary>Number of installed devices.</summary>
    public long? TotalMachineCount { get; init; }

    /// <summary>Number of exposed devices.</summary>
    public long? ExposedMachinesCount { get; init; }

    /// <summary>Devices not affected in productivity.</summary>
    public long? NonProductivityImpactedAssets { get; init; }

    /// <summary>Related component.</summary>
    public string? RelatedComponent { get; init; }

    /// <summary>Exposed critical devices.</summary>
    public long? ExposedCriticalDevices { get; init; }

    /// <summary>Tags (examples).</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}
