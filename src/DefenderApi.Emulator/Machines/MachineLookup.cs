using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary>Finds machines of the caller's tenant by id or computer name; an unknown one is 404 <c>ResourceNotFound</c>.</summary>
internal static class MachineLookup
{
    /// <summary>Finds a machine by device id or computer DNS name (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machine-by-id">Get machine by ID API</see> accepts both).</summary>
    /// <param name="machines">The tenant's machines.</param>
    /// <param name="idOrName">The id or name.</param>
    /// <returns>The machine.</returns>
    /// <exception cref="DefenderErrorException">No such machine (404 ResourceNotFound).</exception>
    public static async Task<Machine> GetMachineAsync(this IQueryable<Machine> machines, string idOrName, CancellationToken cancellationToken) =>
        // Two keyed lookups rather than one "Id = @x OR ComputerDnsName = @x": SQLite cannot use an index for an OR
        // beside the tenant term and scanned the whole tenant on every miss (a 404 cost 12 ms with 10,000 machines).
        await machines.FirstOrDefaultAsync(m => m.Id == idOrName, cancellationToken)
        ?? await machines.FirstOrDefaultAsync(m => m.ComputerDnsName == idOrName, cancellationToken)
        ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Machine", idOrName));

    /// <summary>Finds a machine the caller may act on: 404 when unknown, 403 when outside the caller's device groups.</summary>
    /// <param name="machines">The tenant's machines.</param>
    /// <param name="idOrName">The id or name.</param>
    /// <param name="access">The caller's access.</param>
    /// <returns>The machine.</returns>
    /// <exception cref="DefenderErrorException">404 ResourceNotFound or 403 Forbidden.</exception>
    public static async Task<Machine> GetMachineAsync(this IQueryable<Machine> machines, string idOrName, CallerAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var machine = await machines.GetMachineAsync(idOrName, cancellationToken);
        await access.DemandDeviceGroupAsync(machine.GroupKey, cancellationToken);
        return machine;
    }

    /// <summary>The machines in the caller's device groups (the filter runs in SQL).</summary>
    /// <param name="machines">The tenant's machines.</param>
    /// <param name="access">The caller's access.</param>
    /// <param name="cancellationToken">Cancels the lookup of the caller's groups.</param>
    /// <returns>The visible machines.</returns>
    public static async Task<IQueryable<Machine>> VisibleToAsync(this IQueryable<Machine> machines, CallerAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var scope = await access.GetDeviceGroupsAsync(cancellationToken);
        return scope.All ? machines : machines.Where(scope.Filter<Machine>(m => m.RbacGroupId.ToString()));
    }

    /// <summary>The tenant's machines.</summary>
    /// <returns>The machines.</returns>
    public static DbSet<Machine> Machines(this EmulatorDbContext db) => db.Set<Machine>();
}
