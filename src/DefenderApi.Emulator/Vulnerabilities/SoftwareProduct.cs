using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>A software product of the organisation's inventory (<see href="https://learn.microsoft.com/defender-endpoint/api/software">Software methods and properties</see>).</summary>
internal sealed class SoftwareProduct : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Identity, <c>vendor-_-product</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Product name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Vendor.</summary>
    public string Vendor { get; set; } = string.Empty;

    /// <summary>Number of known vulnerabilities.</summary>
    public long Weaknesses { get; set; }

    /// <summary>Whether a public exploit exists for any of them.</summary>
    public bool PublicExploit { get; set; }

    /// <summary>Whether an active alert relates to it.</summary>
    public bool ActiveAlert { get; set; }

    /// <summary>Devices with a vulnerable installation.</summary>
    public long ExposedMachines { get; set; }

    /// <summary>Impact on the exposure score.</summary>
    public double ImpactScore { get; set; }
}

internal sealed class SoftwareProductConfiguration : IEntityTypeConfiguration<SoftwareProduct>
{
    public void Configure(EntityTypeBuilder<SoftwareProduct> builder)
    {
        builder.ToTable("Software");
        builder.HasKey(s => new { s.TenantId, s.Id });
    }
}
