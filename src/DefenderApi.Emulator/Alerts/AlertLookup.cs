using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>Finds alerts of the caller's tenant; an unknown one is 404 <c>ResourceNotFound</c>.</summary>
internal static class AlertLookup
{
    /// <summary>The tenant's alerts.</summary>
    /// <returns>The alerts.</returns>
    public static DbSet<Alert> Alerts(this EmulatorDbContext db) => db.Set<Alert>();

    /// <summary>
    /// The alerts the caller sees: all for applications; for users, those on devices of their device groups
    /// (<see href="https://learn.microsoft.com/defender-endpoint/api/get-alerts">List alerts API</see>: "only alerts on devices the user can access").
    /// </summary>
    /// <param name="access">The caller's access.</param>
    /// <returns>The visible alerts.</returns>
    public static async Task<IQueryable<Alert>> VisibleAlertsAsync(this EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var scope = await access.GetDeviceGroupsAsync(cancellationToken);
        if (scope.All)
        {
            return db.Alerts();
        }

        var machines = db.Machines().Where(scope.Filter<Machine>(m => m.RbacGroupId.ToString())).Select(m => m.Id);
        return db.Alerts().Where(a => machines.Contains(a.MachineId));
    }

    /// <summary>Finds an alert by id.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="id">The id.</param>
    /// <returns>The alert.</returns>
    /// <exception cref="DefenderErrorException">No such alert.</exception>
    public static async Task<Alert> GetAlertAsync(this IQueryable<Alert> alerts, string id, CancellationToken cancellationToken) =>
        await alerts.FirstOrNotFoundAsync(a => a.Id == id, "Alert", id, cancellationToken);
}
