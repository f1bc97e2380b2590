using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Indicators;

/// <summary>Indicator types (<see href="https://learn.microsoft.com/defender-endpoint/api/ti-indicator">Indicator resource type</see>).</summary>
internal enum IndicatorType
{
    /// <summary>SHA-1 file hash.</summary>
    FileSha1,

    /// <summary>MD5 file hash.</summary>
    FileMd5,

    /// <summary>Certificate thumbprint (SHA-1 form).</summary>
    CertificateThumbprint,

    /// <summary>SHA-256 file hash.</summary>
    FileSha256,

    /// <summary>IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>Domain name.</summary>
    DomainName,

    /// <summary>URL.</summary>
    Url,
}

/// <summary>What happens when the indicator is seen.</summary>
internal enum IndicatorAction
{
    /// <summary>Alert only (legacy).</summary>
    Alert,

    /// <summary>Warn the user.</summary>
    Warn,

    /// <summary>Block.</summary>
    Block,

    /// <summary>Audit (requires <c>generateAlert</c>).</summary>
    Audit,

    /// <summary>Block and remediate.</summary>
    BlockAndRemediate,

    /// <summary>Alert and block (legacy).</summary>
    AlertAndBlock,

    /// <summary>Allow.</summary>
    Allowed,
}

/// <summary>Indicator severity.</summary>
internal enum IndicatorSeverity
{
    /// <summary>Informational.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>Who submitted an indicator.</summary>
internal enum IndicatorSourceType
{
    /// <summary>A user (portal or delegated token).</summary>
    User,

    /// <summary>An application token.</summary>
    AadApp,
}

/// <summary>A threat-intelligence indicator (<see href="https://learn.microsoft.com/defender-endpoint/api/ti-indicator">Indicator resource type</see>); unique per tenant by type and value.</summary>
internal sealed class Indicator : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>The identity: a number from the tenant's <c>indicators</c> sequence.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The value (normalised: lower-case hashes, punycode domains).</summary>
    public string IndicatorValue { get; set; } = string.Empty;

    /// <summary>The type.</summary>
    public IndicatorType IndicatorType { get; set; }

    /// <summary>The action.</summary>
    public IndicatorAction Action { get; set; }

    /// <summary>The application the indicator is associated with (set on creation only).</summary>
    public string? Application { get; set; }

    /// <summary>Display name of the submitter.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>User or application.</summary>
    public IndicatorSourceType SourceType { get; set; }

    /// <summary>The submitter's name (the resource table's spelling of <see cref="Source"/>).</summary>
    public string CreatedBySource { get; set; } = string.Empty;

    /// <summary>Alert title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreationTimeDateTimeUtc { get; set; }

    /// <summary>Identity of the submitter.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>The client id of the application whose token created it (visibility without <c>Ti.ReadWrite.All</c>).</summary>
    [JsonIgnore]
    public string CreatedByApp { get; set; } = string.Empty;

    /// <summary>Expiry; expired indicators are no longer active.</summary>
    public DateTimeOffset? ExpirationTime { get; set; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset LastUpdateTime { get; set; }

    /// <summary>Identity of the last updater; <see langword="null"/> as the page's JSON representation shows it.</summary>
    public string? LastUpdatedBy { get; set; }

    /// <summary>Severity.</summary>
    public IndicatorSeverity? Severity { get; set; }

    /// <summary>Description.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Recommended actions.</summary>
    public string? RecommendedActions { get; set; }

    /// <summary>Device group names the indicator applies to (empty: all devices).</summary>
    public List<string> RbacGroupNames { get; set; } = [];

    /// <summary>Device group ids the indicator applies to (empty: all devices).</summary>
    public List<string> RbacGroupIds { get; set; } = [];

    /// <summary>Custom notification URL (Block/Warn URL indicators).</summary>
    public string? EducateUrl { get; set; }

    /// <summary>Whether a hit raises an alert.</summary>
    public bool GenerateAlert { get; set; }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.IndicatorType).HasConversion<string>();
        builder.Property(i => i.Action).HasConversion<string>();
        builder.Property(i => i.Severity).HasConversion<string>();
        builder.Property(i => i.SourceType).HasConversion<string>();
        builder.HasIndex(i => new { i.TenantId, i.IndicatorType, i.IndicatorValue }).IsUnique();
    }
}
