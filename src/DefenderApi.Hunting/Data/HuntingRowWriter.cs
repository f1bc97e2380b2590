using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenderApi.Errors;
using DefenderApi.Hunting.Data;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>Loads rows given as JSON objects into a hunting table (what the admin data endpoint calls).</summary>
public static class HuntingRowWriter
{
    /// <summary>Creates the hunting tables and indexes if they are missing.</summary>
    /// <param name="connection">An open connection.</param>
    public static void EnsureTables(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = HuntingDdl.CreateScript();
        command.ExecuteNonQuery();
    }

    /// <summary>Appends rows to a table for a tenant, in one transaction; nothing is written if any row is invalid.</summary>
    /// <param name="connection">An open connection with the tables created.</param>
    /// <param name="tenantId">The tenant the rows belong to.</param>
    /// <param name="tableName">The table name, e.g. <c>DeviceProcessEvents</c>.</param>
    /// <param name="rows">Rows keyed by documented column name; missing columns are empty.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="DefenderErrorException">400 naming the unknown table, unknown column or bad value.</exception>
    public static int Append(SqliteConnection connection, string tenantId, string tableName, IEnumerable<JsonObject> rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        var table = HuntingSchema.Default.Find(tableName)
            ?? throw new DefenderErrorException(DefenderErrors.BadRequest($"Unknown hunting table '{tableName}'."));
        using var transaction = connection.BeginTransaction();
        using var inserter = new TableInserter(connection, transaction, table, tenantId);
        var count = 0;
        foreach (var row in rows)
        {
            foreach (var (name, value) in row)
            {
                var column = table.Find(name)
                    ?? throw new DefenderErrorException(DefenderErrors.BadRequest($"Table '{table.Name}' has no column '{name}'."));
                inserter.Set(name, Convert(table, column, value));
            }

            inserter.Insert();
            count++;
        }

        transaction.Commit();
        return count;
    }

    private static object? Convert(HuntingTable table, HuntingColumn column, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return column.Type switch
            {
                KqlType.Dynamic => value is JsonValue v && v.TryGetValue<string>(out var text) ? HuntingSqlFunctions.NormalizeJson(text) : value.ToJsonString(),
                KqlType.String => value.GetValue<string>(),
                KqlType.DateTime => DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                KqlType.TimeSpan => TimeSpan.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).Ticks,
                KqlType.Bool => value.GetValue<bool>(),
                KqlType.Int => (long)value.GetValue<int>(),
                KqlType.Long => value.GetValue<long>(),
                KqlType.Real => value.GetValue<double>(),
                _ => throw new InvalidOperationException("Unknown column type."),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or JsonException)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest(
                $"Column '{column.Name}' of table '{table.Name}' expects a {column.Type.KqlName()} value, but got {value.ToJsonString()}."), e);
        }
    }
}
