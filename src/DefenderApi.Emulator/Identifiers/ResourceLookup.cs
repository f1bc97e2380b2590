using System.Linq.Expressions;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Identifiers;

/// <summary>Looks up one resource by id; a miss is 404 <c>ResourceNotFound</c> naming the entity and the id.</summary>
internal static class ResourceLookup
{
    /// <summary>The first row matching <paramref name="match"/>, or <c>ResourceNotFound</c>.</summary>
    /// <typeparam name="T">The entity.</typeparam>
    /// <param name="rows">The rows (tenant-filtered).</param>
    /// <param name="match">The condition.</param>
    /// <param name="entity">The entity name in the message, e.g. <c>Software</c>.</param>
    /// <param name="id">The id asked for.</param>
    /// <returns>The row.</returns>
    /// <exception cref="DefenderErrorException">No row matches.</exception>
    public static async Task<T> FirstOrNotFoundAsync<T>(
        this IQueryable<T> rows, Expression<Func<T, bool>> match, string entity, string id, CancellationToken cancellationToken) =>
        await rows.FirstOrDefaultAsync(match, cancellationToken) ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound(entity, id));
}
