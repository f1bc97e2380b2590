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
    public static async Task ExecuteAsync<T>(EmulatorDbContext db, string sql, IReadOnlyList<BulkColumn> parameters, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Runs inside the connection's open transaction (the provisioning or data-load one), like EF's own commands.
            using var insert = new PreparedRowInsert((SqliteConnection)db.Database.GetDbConnection(), sql);
            var values = new object?[parameters.Count];
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < parameters.Count; i++)
                {
                    values[i] = parameters[i].Read(row);
                }

                insert.Insert(values);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static IEntityType EntityType<T>(EmulatorDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");

    public static string Quote(string name) => $"\"{name}\"";

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
