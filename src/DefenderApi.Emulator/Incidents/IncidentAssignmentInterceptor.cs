using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Keeps incidents in step with alerts in the alert-writing path itself: before any save of the emulator's store that
/// adds, changes or removes alerts, <see cref="IncidentSync"/> assigns and derives the incidents in the same save.
/// A feature that raises alerts only has to add them and save.
/// </summary>
/// <param name="sync">The incident logic.</param>
internal sealed class IncidentAssignmentInterceptor(IncidentSync sync) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is EmulatorDbContext db)
        {
            await sync.ApplyAsync(db, cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is EmulatorDbContext db)
        {
            sync.ApplyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }
}
