using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Names the entity a lost race was about, for the <c>ResourceNotFound</c> the loser answers.</summary>
internal static class ConcurrencyOutcome
{
    public static DefenderError NotFound(DbUpdateConcurrencyException exception)
    {
        var entry = exception.Entries.FirstOrDefault();
        if (entry is null)
        {
            return DefenderErrors.ResourceNotFound("Entity", "(unknown)");
        }

        // Keys are (TenantId, Id): the caller knows the entity by the part that is not the tenant.
        var key = entry.Metadata.FindPrimaryKey()?.Properties.FirstOrDefault(p => p.Name != nameof(ITenantOwned.TenantId));
        var id = key is null ? "(unknown)" : entry.Property(key.Name).OriginalValue ?? "(unknown)";
        return DefenderErrors.ResourceNotFound(entry.Metadata.ClrType.Name, id);
    }
}
