using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Persistence;

/// <summary>A tenant known to the emulator.</summary>
internal sealed class TenantRecord
{
    /// <summary>The tenant id (the <c>tid</c> of its tokens).</summary>
    public Guid Id { get; set; }

    /// <summary>The seed the tenant was created with: <c>demo</c> or <c>none</c>.</summary>
    public string Seed { get; set; } = "none";

    /// <summary>When the tenant was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Feature switches by name (see <see cref="Tenancy.TenantFeatures"/>); absent names take their default.</summary>
    public Dictionary<string, bool> Features { get; set; } = [];

    /// <summary>Whether a feature is on for this tenant.</summary>
    /// <param name="feature">A <see cref="Tenancy.TenantFeatures"/> name.</param>
    /// <returns><see langword="true"/> when on.</returns>
    public bool IsEnabled(string feature) =>
        Features.TryGetValue(feature, out var on) ? on : Tenancy.TenantFeatures.Defaults.GetValueOrDefault(feature, true);
}

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Seed).HasMaxLength(16);
        builder.Property(t => t.Features).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, bool>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, bool>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                v => new Dictionary<string, bool>(v)));
    }
}
