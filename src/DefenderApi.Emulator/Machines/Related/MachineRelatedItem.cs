using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Machines.Related;

/// <summary>
/// One row of a machine's sub-collections (logon users, software, vulnerabilities, recommendations, missing KBs),
/// kept as the API's JSON: these lists have no documented OData options, so they are read whole per machine.
/// </summary>
internal sealed class MachineRelatedItem : ITenantOwned
{
    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>The sub-collection.</summary>
    public RelatedKind Kind { get; set; }

    /// <summary>The machine.</summary>
    public string MachineId { get; set; } = string.Empty;

    /// <summary>The item's id within the sub-collection.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The item as the API returns it.</summary>
    public string Json { get; set; } = "{}";
}

/// <summary>The machine sub-collections.</summary>
internal enum RelatedKind
{
    /// <summary><c>/logonusers</c>.</summary>
    LogonUsers,

    /// <summary><c>/software</c>.</summary>
    Software,

    /// <summary><c>/vulnerabilities</c>.</summary>
    Vulnerabilities,

    /// <summary><c>/recommendations</c>.</summary>
    Recommendations,

    /// <summary><c>/getmissingkbs</c>.</summary>
    MissingKbs,
}

internal sealed class MachineRelatedItemConfiguration : IEntityTypeConfiguration<MachineRelatedItem>
{
    public void Configure(EntityTypeBuilder<MachineRelatedItem> builder)
    {
        builder.ToTable("MachineRelatedItems");
        builder.HasKey(i => new { i.TenantId, i.MachineId, i.Kind, i.Id });
        builder.Property(i => i.Kind).HasConversion<string>();
    }
}
