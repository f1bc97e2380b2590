using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Persistence;

/// <summary>A tenant known to the emulator.</summary>
public sealed class TenantRecord
{
    /// <summary>The tenant id (the <c>tid</c> of its tokens).</summary>
    public Guid Id { get; set; }

    /// <summary>The seed the tenant was created with: <c>demo</c> or <c>none</c>.</summary>
    public string Seed { get; set; } = "none";

    /// <summary>When the tenant was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Seed).HasMaxLength(16);
    }
}
