using System.Collections;
using System.Text.Json;
using DefenderApi.Hunting.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Runs one prepared statement per row inside the current transaction (values bound by position through
/// <see cref="PreparedRowInsert"/>), with parameters read from the EF model
/// (column names and value conversions, owned JSON columns). Shared by <see cref="BulkInsert"/> and
/// <see cref="BulkUpdate"/>: seeding thousands of entities through the change tracker takes seconds; this, milliseconds.
/// </summary>
internal static class BulkStatement
{
    /// <summary>
    /// Rows per statement of <see cref="InsertAsync{T}"/>: one step of a multi-row INSERT writes them all, so SQLite's
    /// per-statement work (step, reset, the VDBE program's start) is paid once per this many rows.
    /// </summary>
    public const int RowsPerInsert = 32;

    // SQLite's default maximum number of parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
    private const int MaxParameters = 32_766;

    public static async Task ExecuteAsync<T>(EmulatorDbContext db, string sql, IReadOnlyList<BulkColumn> parameters, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Runs inside the connection's open transaction (the provisioning or data-load one), like EF's own commands.
            using var statement = new PreparedRowInsert((SqliteConnection)db.Database.GetDbConnection(), sql);
            var values = new object?[parameters.Count];
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Fill(values, 0, parameters, row);
                statement.Insert(values);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> with multi-row statements: <c>{head} VALUES (?, …), (?, …) … {tail}</c>, <see
    /// cref="RowsPerInsert"/> rows a statement and a one-row statement for the rest. <paramref name="tail"/> may be an
    /// upsert clause (<c>ON CONFLICT … DO UPDATE</c>): SQLite applies it row by row, a later row of the same
    /// statement included.
    /// </summary>
    public static async Task InsertAsync<T>(EmulatorDbContext db, string head, IReadOnlyList<BulkColumn> columns, string tail, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var perStatement = Math.Clamp(Math.Min(rows.Count, MaxParameters / columns.Count), 1, RowsPerInsert);
            var tuple = $"({string.Join(", ", columns.Select(_ => "?"))})";
            using var many = new PreparedRowInsert(connection, $"{head} VALUES {string.Join(", ", Enumerable.Repeat(tuple, perStatement))}{tail}");
            using var one = perStatement == 1 ? null : new PreparedRowInsert(connection, $"{head} VALUES {tuple}{tail}");
            var values = new object?[columns.Count * perStatement];
            var index = 0;
            for (; index + perStatement <= rows.Count; index += perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var slot = 0; slot < perStatement; slot++)
                {
                    Fill(values, slot * columns.Count, columns, rows[index + slot]);
                }

                many.Insert(values);
            }

            for (; index < rows.Count; index++)
            {
                Fill(values, 0, columns, rows[index]);
                one!.Insert(values.AsSpan(0, columns.Count));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Fill(object?[] values, int offset, IReadOnlyList<BulkColumn> columns, object row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            values[offset + i] = columns[i].Read(row);
        }
    }

    public static IEntityType EntityType<T>(EmulatorDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");

    public static string Quote(string name) => $"\"{name}\"";

    public static string InsertHead(IEntityType entity, IReadOnlyList<BulkColumn> columns) =>
        $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))})";

    /// <summary>Every column of the entity's table: scalar properties, then owned JSON containers.</summary>
    public static IEnumerable<BulkColumn> Columns(IEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            yield return Column(property);
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()))
        {
            var read = PropertyReader.For(navigation.PropertyInfo!);
            var target = navigation.TargetEntityType;
            yield return new BulkColumn(target.GetContainerColumnName()!, row => read(row) switch
            {
                null => null,
                IEnumerable items when navigation.IsCollection => JsonSerializer.Serialize(items.Cast<object>().Select(i => JsonObject(target, i))),
                var single => JsonSerializer.Serialize(JsonObject(target, single)),
            });
        }
    }

    public static BulkColumn Column(IProperty property) => new(property.GetColumnName(), ProviderValueReader(property));

    // Reads the property and converts it to what the column stores (enums as strings, dates as UTC ticks...).
    private static Func<object, object?> ProviderValueReader(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var read = PropertyReader.For(property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} is a shadow property."));
        return converter is null ? read : row => read(row) is { } value ? converter.ConvertToProvider(value) : null;
    }

    private static Dictionary<string, object?> JsonObject(IEntityType type, object instance) =>
        type.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetJsonPropertyName() is not null)
            .ToDictionary(p => p.GetJsonPropertyName()!, p => ProviderValueReader(p)(instance));
}

/// <summary>A column and how to read its provider value from an entity.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Read">Reads the value to bind.</param>
internal sealed record BulkColumn(string Name, Func<object, object?> Read);
