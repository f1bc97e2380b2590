using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>A security recommendation (<see href="https://learn.microsoft.com/defender-endpoint/api/recommendation">Recommendation methods and properties</see>).</summary>
internal sealed class SecurityRecommendation : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Identity, e.g. <c>va-_-google-_-chrome</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Product.</summary>
    public string? ProductName { get; set; }

    /// <summary>Name.</summary>
    public string RecommendationName { get; set; } = string.Empty;

    /// <summary>Vulnerabilities it fixes.</summary>
    public long Weaknesses { get; set; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; set; }

    /// <summary>Recommended version.</summary>
    public string? RecommendedVersion { get; set; }

    /// <summary>Recommended program.</summary>
    public string? RecommendedProgram { get; set; }

    /// <summary>Recommended vendor.</summary>
    public string? RecommendedVendor { get; set; }

    /// <summary><c>Accounts</c>, <c>Application</c>, <c>Network</c>, <c>OS</c> or <c>SecurityControls</c>.</summary>
    public string RecommendationCategory { get; set; } = "Application";

    /// <summary>Subcategory.</summary>
    public string? SubCategory { get; set; }

    /// <summary>Severity score.</summary>
    public double SeverityScore { get; set; }

    /// <summary>Public exploit available.</summary>
    public bool PublicExploit { get; set; }

    /// <summary>Active alert related.</summary>
    public bool ActiveAlert { get; set; }

    /// <summary>Associated threat ids.</summary>
    public List<string> AssociatedThreats { get; set; } = [];

    /// <summary><c>ConfigurationChange</c>, <c>Update</c>, <c>Upgrade</c> or <c>Uninstall</c>.</summary>
    public string RemediationType { get; set; } = "Update";

    /// <summary><c>Active</c> or <c>Exception</c>.</summary>
    public string Status { get; set; } = "Active";

    /// <summary>Impact on the device secure score.</summary>
    public double ConfigScoreImpact { get; set; }

    /// <summary>Impact on the exposure score.</summary>
    public double ExposureImpact { get; set; }

    /// <summary>Devices with the product.</summary>
    public long TotalMachineCount { get; set; }

    /// <summary>Exposed devices.</summary>
    public long ExposedMachinesCount { get; set; }

    /// <summary>Assets not impacting productivity.</summary>
    public long NonProductivityImpactedAssets { get; set; }

    /// <summary>Related component.</summary>
    public string? RelatedComponent { get; set; }

    /// <summary>Exposed critical devices.</summary>
    public long ExposedCriticalDevices { get; set; }

    /// <summary>The software this recommendation is about (<c>/software</c>), if any.</summary>
    [JsonIgnore]
    public string? SoftwareId { get; set; }
}

internal sealed class SecurityRecommendationConfiguration : IEntityTypeConfiguration<SecurityRecommendation>
{
    public void Configure(EntityTypeBuilder<SecurityRecommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.HasKey(r => new { r.TenantId, r.Id });
    }
}
