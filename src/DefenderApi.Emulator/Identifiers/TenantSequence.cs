using System.Globalization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Identifiers;

/// <summary>A named counter of a tenant, for the API's numeric ids (indicators, investigations); never reused.</summary>
internal sealed class TenantSequence : ITenantOwned
{
    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>The sequence name, e.g. <c>indicators</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The next value to hand out.</summary>
    public long Next { get; set; }
}

/// <summary>Hands out numeric ids from a tenant's sequences (saved with the caller's changes).</summary>
internal static class TenantSequences
{
    /// <summary>Takes the next id of <paramref name="name"/>, starting at <paramref name="first"/>.</summary>
    /// <param name="db">The store (the caller saves).</param>
    /// <param name="name">The sequence.</param>
    /// <param name="first">The first value of a new sequence.</param>
    /// <param name="taken">Ids already in use (e.g. loaded through the admin API); they are skipped.</param>
    /// <returns>The id as the API writes it.</returns>
    public static async Task<string> NextAsync(
        EmulatorDbContext db, string name, long first, IQueryable<string> taken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sequence = db.ChangeTracker.Entries<TenantSequence>().Select(e => e.Entity).FirstOrDefault(s => s.Name == name)
            ?? await db.Set<TenantSequence>().AsTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (sequence is null)
        {
            sequence = new TenantSequence { TenantId = db.CurrentTenantId, Name = name, Next = first };
            db.Add(sequence);
        }

        string id;
        do
        {
            id = (sequence.Next++).ToString(CultureInfo.InvariantCulture);
        }
        while (await taken.AnyAsync(t => t == id, cancellationToken));

        return id;
    }

    /// <summary>Stores where a seeded sequence continues (a bulk insert, inside the provisioning transaction).</summary>
    /// <param name="tenantId">The tenant being provisioned.</param>
    /// <param name="name">The sequence.</param>
    /// <param name="next">The next value to hand out.</param>
    public static Task SeedAsync(EmulatorDbContext db, Guid tenantId, string name, long next, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, [new TenantSequence { TenantId = tenantId, Name = name, Next = next }], cancellationToken);
}

internal sealed class TenantSequenceConfiguration : IEntityTypeConfiguration<TenantSequence>
{
    public void Configure(EntityTypeBuilder<TenantSequence> builder)
    {
        builder.ToTable("TenantSequences");
        builder.HasKey(s => new { s.TenantId, s.Name });
    }
}
