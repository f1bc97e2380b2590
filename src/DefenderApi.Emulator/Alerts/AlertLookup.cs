using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>Finds alerts of the caller's tenant; an unknown one is 404 <c>ResourceNotFound</c>.</summary>
public static class AlertLookup
{
    /// <summary>The tenant's alerts.</summary>
    /// <param name="db">The store.</param>
    /// <returns>The alerts.</returns>
    public static DbSet<Alert> Alerts(this EmulatorDbContext db) => db.Set<Alert>();

    /// <summary>Finds an alert by id.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The alert.</returns>
    /// <exception cref="DefenderErrorException">No such alert.</exception>
    public static async Task<Alert> GetAlertAsync(this IQueryable<Alert> alerts, string id, CancellationToken cancellationToken) =>
        await alerts.FirstOrNotFoundAsync(a => a.Id == id, "Alert", id, cancellationToken);
}
