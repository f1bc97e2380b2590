using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary>Finds machines of the caller's tenant by id or computer name; an unknown one is 404 <c>ResourceNotFound</c>.</summary>
public static class MachineLookup
{
    /// <summary>Finds a machine by device id or computer DNS name (get-machine-by-id.md accepts both).</summary>
    /// <param name="machines">The tenant's machines.</param>
    /// <param name="idOrName">The id or name.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The machine.</returns>
    /// <exception cref="DefenderErrorException">No such machine (404 ResourceNotFound).</exception>
    public static async Task<Machine> GetMachineAsync(this IQueryable<Machine> machines, string idOrName, CancellationToken cancellationToken) =>
        await machines.FirstOrDefaultAsync(m => m.Id == idOrName || m.ComputerDnsName == idOrName, cancellationToken)
        ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Machine", idOrName));

    /// <summary>The tenant's machines.</summary>
    /// <param name="db">The store.</param>
    /// <returns>The machines.</returns>
    public static DbSet<Machine> Machines(this EmulatorDbContext db) => db.Set<Machine>();
}
