using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Inserts many new rows of one entity type with a single prepared statement inside the current transaction.</summary>
internal static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/> (new rows only; no change tracking, no upsert).</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="rows">The rows.</param>
    public static Task InsertAsync<T>(EmulatorDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = BulkStatement.EntityType<T>(db);
        var columns = BulkStatement.Columns(entity).ToList();
        var sql = $"INSERT INTO {BulkStatement.Quote(entity.GetTableName()!)} " +
            $"({string.Join(", ", columns.Select(c => BulkStatement.Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        return BulkStatement.ExecuteAsync(db, sql, columns, rows, cancellationToken);
    }
}
