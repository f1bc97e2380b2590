using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with prepared multi-row statements inside the current transaction, or
/// inserts-or-replaces them by primary key (<see cref="UpsertAsync{T}"/>).
/// </summary>
internal static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/> (new rows only; no change tracking, no upsert).</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="db">The store.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static Task InsertAsync<T>(EmulatorDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = BulkStatement.EntityType<T>(db);
        var columns = BulkStatement.Columns(entity).ToList();
        return BulkStatement.InsertAsync(db, BulkStatement.InsertHead(entity, columns), columns, string.Empty, rows, cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/>, overwriting every column of a stored row with the same primary key in place
    /// (<c>ON CONFLICT … DO UPDATE</c>: the row is updated, not deleted, so rows that refer to it stay). A later row with
    /// the key of an earlier one overwrites it. Entities whose navigations are not all JSON columns cannot be written
    /// this way (<see cref="CanWrite"/>).
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="db">The store.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static Task UpsertAsync<T>(EmulatorDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = BulkStatement.EntityType<T>(db);
        var columns = BulkStatement.Columns(entity).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToHashSet(StringComparer.Ordinal);
        var set = columns.Where(c => !key.Contains(c.Name)).Select(c => $"{BulkStatement.Quote(c.Name)} = excluded.{BulkStatement.Quote(c.Name)}");
        var tail = $" ON CONFLICT ({string.Join(", ", key.Select(BulkStatement.Quote))}) DO UPDATE SET {string.Join(", ", set)}";
        return BulkStatement.InsertAsync(db, BulkStatement.InsertHead(entity, columns), columns, tail, rows, cancellationToken);
    }

    /// <summary>
    /// Whether <typeparamref name="T"/>'s whole state is its own table row: every navigation is an owned JSON column.
    /// An entity with child rows (an alert's evidence) goes through the change tracker instead.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="db">The store.</param>
    /// <returns><see langword="true"/> when the bulk statements write all of it.</returns>
    public static bool CanWrite<T>(EmulatorDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = BulkStatement.EntityType<T>(db);
        return entity.GetNavigations().All(n => n.TargetEntityType.IsMappedToJson()) && !entity.GetSkipNavigations().Any()
            && entity.GetProperties().All(p => p.PropertyInfo is not null);
    }
}
