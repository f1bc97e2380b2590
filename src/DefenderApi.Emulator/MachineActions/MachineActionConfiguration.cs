using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.MachineActions;

internal sealed class MachineActionConfiguration : IEntityTypeConfiguration<MachineAction>
{
    /// <summary>The index that lets only one pending or running action of a type exist per machine.</summary>
    public const string ActiveActionIndex = "IX_MachineActions_OneActivePerType";

    public void Configure(EntityTypeBuilder<MachineAction> builder)
    {
        builder.ToTable("MachineActions");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Ignore(a => a.IsActive);
        builder.Property(a => a.Type).HasConversion<string>();
        builder.Property(a => a.Status).HasConversion<string>();
        builder.HasIndex(a => new { a.TenantId, a.MachineId, a.Type })
            .IsUnique()
            .HasFilter("\"Status\" IN ('Pending', 'InProgress')")
            .HasDatabaseName(ActiveActionIndex);
        builder.HasIndex(a => new { a.TenantId, a.Status });
        builder.OwnsOne(a => a.RelatedFileInfo, f => f.ToJson());
        builder.OwnsMany(a => a.Commands, c =>
        {
            c.ToJson();
            c.OwnsOne(s => s.Command, command =>
            {
                command.Property(x => x.Type).HasConversion<string>();
                command.OwnsMany(x => x.Params);
            });
        });
    }
}
