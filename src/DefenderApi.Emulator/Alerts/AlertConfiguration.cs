using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.MachineId });
        builder.HasIndex(a => new { a.TenantId, a.IncidentId });
        // SIEM pollers page with "$filter=alertCreationTime ge …" or lastUpdateTime: keep those range scans keyed.
        builder.HasIndex(a => new { a.TenantId, a.AlertCreationTime });
        builder.HasIndex(a => new { a.TenantId, a.LastUpdateTime });
        builder.Property(a => a.Severity).HasConversion<string>();
        builder.Property(a => a.Status).HasConversion<string>();
        builder.Property(a => a.Classification).HasConversion<string>();
        builder.Property(a => a.Determination).HasConversion<string>();
        builder.OwnsOne(a => a.RelatedUser, user => user.ToJson());
        builder.OwnsMany(a => a.Comments, comment => comment.ToJson());
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => new { e.TenantId, e.AlertId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertEvidenceConfiguration : IEntityTypeConfiguration<AlertEvidence>
{
    public void Configure(EntityTypeBuilder<AlertEvidence> builder)
    {
        builder.ToTable("AlertEvidenceItems");
        builder.HasKey(e => new { e.TenantId, e.AlertId, e.Sequence });
        builder.Property(e => e.Sha1).UseCollation("NOCASE");
        builder.Property(e => e.Sha256).UseCollation("NOCASE");
        builder.Property(e => e.Host).UseCollation("NOCASE");
        builder.Property(e => e.AccountName).UseCollation("NOCASE");
        builder.HasIndex(e => new { e.TenantId, e.Sha1 });
        builder.HasIndex(e => new { e.TenantId, e.IpAddress });
        builder.HasIndex(e => new { e.TenantId, e.Host });
    }
}
