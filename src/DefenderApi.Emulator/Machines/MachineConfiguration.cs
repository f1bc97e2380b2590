using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Machines;

internal sealed class MachineConfiguration : IEntityTypeConfiguration<Machine>
{
    public void Configure(EntityTypeBuilder<Machine> builder)
    {
        builder.ToTable("Machines");
        builder.HasKey(m => new { m.TenantId, m.Id });
        builder.Ignore(m => m.GroupKey);
        // Names and tags compare case-insensitively, as the portal and the docs' mixed-case examples do.
        builder.Property(m => m.ComputerDnsName).UseCollation("NOCASE");
        builder.HasIndex(m => new { m.TenantId, m.ComputerDnsName });
        builder.HasIndex(m => new { m.TenantId, m.LastIpAddress });
        // "$orderby=lastSeen desc" with a $top walks this index and stops early instead of sorting the tenant.
        builder.HasIndex(m => new { m.TenantId, m.LastSeen });
        builder.Property(m => m.HealthStatus).HasConversion<string>();
        builder.Property(m => m.RiskScore).HasConversion<string>();
        builder.Property(m => m.ExposureLevel).HasConversion<string>();
        builder.Property(m => m.DeviceValue).HasConversion<string>();
        builder.Property(m => m.Isolation).HasConversion<string>();
        builder.OwnsMany(m => m.IpAddresses, ip => ip.ToJson());
    }
}
