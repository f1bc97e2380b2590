using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => new { i.TenantId, i.IncidentId });
        builder.Property(i => i.IncidentId).ValueGeneratedNever();
        // The list is newest first; pollers filter on lastUpdateTime.
        builder.HasIndex(i => new { i.TenantId, i.CreatedTime });
        builder.HasIndex(i => new { i.TenantId, i.LastUpdateTime });
        builder.Property(i => i.Status).HasConversion<string>();
        builder.Property(i => i.Severity).HasConversion<string>();
        builder.OwnsMany(i => i.Comments, comment => comment.ToJson());
    }
}
