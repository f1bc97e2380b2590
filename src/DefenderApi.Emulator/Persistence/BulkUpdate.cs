using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Updates a few properties of many existing rows, by primary key, with one prepared statement inside the current
/// transaction (e.g. a seeder marking thousands of alerts as investigated, which the change tracker does in seconds).
/// </summary>
internal static class BulkUpdate
{
    /// <summary>Writes <paramref name="properties"/> of each row to its stored row.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="rows">The rows, with their keys and new values.</param>
    /// <param name="properties">The CLR names of the scalar properties to write.</param>
    public static Task UpdateAsync<T>(EmulatorDbContext db, IReadOnlyList<T> rows, IReadOnlyList<string> properties, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(properties);
        var entity = BulkStatement.EntityType<T>(db);
        var set = properties.Select(name => BulkStatement.Column(
            entity.FindProperty(name) ?? throw new ArgumentException($"{typeof(T).Name} has no property {name}.", nameof(properties)))).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(BulkStatement.Column).ToList();
        var sql = $"UPDATE {BulkStatement.Quote(entity.GetTableName()!)} " +
            $"SET {string.Join(", ", set.Select(c => $"{BulkStatement.Quote(c.Name)} = ?"))} " +
            $"WHERE {string.Join(" AND ", key.Select(c => $"{BulkStatement.Quote(c.Name)} = ?"))}";
        return BulkStatement.ExecuteAsync(db, sql, [.. set, .. key], rows, cancellationToken);
    }
}
