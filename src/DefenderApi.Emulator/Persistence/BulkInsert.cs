using System.Collections;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with a single prepared statement inside the current transaction,
/// reading columns and value conversions from the EF model (scalars, primitive collections, owned JSON columns).
/// Seeding thousands of entities through the change tracker takes seconds; this takes milliseconds.
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="rows"/> (new rows only; no change tracking, no upsert).</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="db">The store.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static async Task InsertAsync<T>(EmulatorDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var columns = Columns(entity).ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
            command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Text)).ToList();
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IEnumerable<Column> Columns(IEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            var converter = property.GetTypeMapping().Converter;
            var info = property.PropertyInfo!;
            yield return new Column(property.GetColumnName(), row =>
            {
                var value = info.GetValue(row);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            });
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()))
        {
            var info = navigation.PropertyInfo!;
            var target = navigation.TargetEntityType;
            yield return new Column(target.GetContainerColumnName()!, row => info.GetValue(row) switch
            {
                null => null,
                IEnumerable items when navigation.IsCollection => JsonSerializer.Serialize(items.Cast<object>().Select(i => JsonObject(target, i))),
                var single => JsonSerializer.Serialize(JsonObject(target, single)),
            });
        }
    }

    private static Dictionary<string, object?> JsonObject(IEntityType type, object instance) =>
        type.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetJsonPropertyName() is not null)
            .ToDictionary(p => p.GetJsonPropertyName()!, p => p.GetTypeMapping().Converter is { } c && p.PropertyInfo!.GetValue(instance) is { } v
                ? c.ConvertToProvider(v)
                : p.PropertyInfo!.GetValue(instance));

    private sealed record Column(string Name, Func<object, object?> Read);
}
