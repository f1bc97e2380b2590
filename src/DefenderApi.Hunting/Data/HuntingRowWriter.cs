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

    /// <summary>
    /// Appends rows to a table for a tenant. Without <paramref name="transaction"/> the rows are written in a
    /// transaction of their own, so nothing is written if any row is invalid; with one, the caller owns the
    /// outcome (a <see cref="HuntingRowException"/> leaves earlier rows pending in it, for the caller to roll back).
    /// </summary>
    /// <param name="connection">An open connection with the tables created.</param>
    /// <param name="tenantId">The tenant the rows belong to.</param>
    /// <param name="tableName">The table name, e.g. <c>DeviceProcessEvents</c>.</param>
    /// <param name="rows">Rows keyed by documented column name (case-sensitive, as in KQL); missing columns are empty.</param>
    /// <param name="transaction">A transaction already open on <paramref name="connection"/>, or <see langword="null"/>.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="DefenderErrorException">400 naming an unknown table.</exception>
    /// <exception cref="HuntingRowException">A row names an unknown column or holds a value of the wrong type.</exception>
    public static int Append(SqliteConnection connection, string tenantId, string tableName, IEnumerable<JsonObject> rows, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        return Write(connection, tenantId, Appendable(tableName), rows, transaction);
    }

    private static HuntingTable Appendable(string tableName)
    {
        var table = HuntingSchema.Xdr.Find(tableName)
            ?? throw new DefenderErrorException(DefenderErrors.BadRequest($"Unknown hunting table '{tableName}'."));
        return table.IsSnapshot
            ? throw new DefenderErrorException(DefenderErrors.BadRequest(
                $"The hunting table '{tableName}' is derived from the vulnerability management data; change that data instead."))
            : table;
    }

    /// <summary>
    /// Appends rows given as JSON elements (the admin data endpoint's items, read without building a node tree per row);
    /// otherwise as <see cref="Append(SqliteConnection, string, string, IEnumerable{JsonObject}, SqliteTransaction?)"/>.
    /// </summary>
    /// <param name="connection">An open connection with the tables created.</param>
    /// <param name="tenantId">The tenant the rows belong to.</param>
    /// <param name="tableName">The table name, e.g. <c>DeviceProcessEvents</c>.</param>
    /// <param name="rows">JSON objects keyed by documented column name (case-sensitive, as in KQL); missing columns are empty.</param>
    /// <param name="transaction">A transaction already open on <paramref name="connection"/>, or <see langword="null"/>.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="DefenderErrorException">400 naming an unknown table.</exception>
    /// <exception cref="HuntingRowException">A row is not an object, names an unknown column or holds a value of the wrong type.</exception>
    public static int AppendElements(SqliteConnection connection, string tenantId, string tableName, IEnumerable<JsonElement> rows, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        var table = Appendable(tableName);
        using var own = transaction is null ? connection.BeginTransaction() : null;
        using var inserter = new TableInserter(connection, table, tenantId);
        var count = 0;
        foreach (var row in rows)
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new HuntingRowException(count, string.Empty, $"a row of {table.Name} must be a JSON object, not {row.ValueKind}");
            }

            foreach (var member in row.EnumerateObject())
            {
                var column = table.Find(member.Name)
                    ?? throw new HuntingRowException(count, member.Name, $"table '{table.Name}' has no column '{member.Name}'");
                inserter.Set(column.Name, Convert(count, column, member.Value));
            }

            inserter.Insert();
            count++;
        }

        own?.Commit();
        return count;
    }

    /// <summary>
    /// Replaces, for this connection only, the rows of the snapshot tables (<see cref="HuntingTable.IsSnapshot"/>): temporary
    /// tables shadow the stored ones, so a host fills them from the data they derive from before a query reads them.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="tenantId">The tenant the rows belong to.</param>
    /// <param name="rows">Rows per snapshot table name, keyed by documented column name.</param>
    /// <exception cref="DefenderErrorException">400 naming a table that is not a snapshot table.</exception>
    /// <exception cref="HuntingRowException">A row names an unknown column or holds a value of the wrong type.</exception>
    public static void FillSnapshots(SqliteConnection connection, string tenantId, IReadOnlyDictionary<string, IEnumerable<JsonObject>> rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = HuntingDdl.CreateSnapshotScript();
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        foreach (var (name, tableRows) in rows)
        {
            var table = HuntingSchema.Default.Find(name) is { IsSnapshot: true } found
                ? found
                : throw new DefenderErrorException(DefenderErrors.BadRequest($"'{name}' is not a snapshot hunting table."));
            Write(connection, tenantId, table, tableRows, transaction);
        }

        transaction.Commit();
    }

    private static int Write(SqliteConnection connection, string tenantId, HuntingTable table, IEnumerable<JsonObject> rows, SqliteTransaction? transaction)
    {
        using var own = transaction is null ? connection.BeginTransaction() : null;
        using var inserter = new TableInserter(connection, table, tenantId);
        var count = 0;
        foreach (var row in rows)
        {
            foreach (var (name, value) in row)
            {
                var column = table.Find(name)
                    ?? throw new HuntingRowException(count, name, $"table '{table.Name}' has no column '{name}'");
                inserter.Set(name, Convert(count, column, value));
            }

            inserter.Insert();
            count++;
        }

        own?.Commit();
        return count;
    }

    private static object? Convert(int index, HuntingColumn column, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return column.Type switch
            {
                KqlType.Dynamic => HuntingSqlFunctions.NormalizeJson(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()),
                KqlType.String => value.GetString(),
                KqlType.DateTime => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                KqlType.TimeSpan => TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture).Ticks,
                KqlType.Bool => value.GetBoolean(),
                KqlType.Int => (long)value.GetInt32(),
                KqlType.Long => value.GetInt64(),
                KqlType.Real => value.GetDouble(),
                _ => throw new InvalidOperationException("Unknown column type."),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or JsonException)
        {
            throw new HuntingRowException(index, column.Name, $"column '{column.Name}' expects a {column.Type.KqlName()} value, but got {value.GetRawText()}", e);
        }
    }

    private static object? Convert(int index, HuntingColumn column, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return column.Type switch
            {
                KqlType.Dynamic => HuntingSqlFunctions.NormalizeJson(value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString()),
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
            throw new HuntingRowException(index, column.Name, $"column '{column.Name}' expects a {column.Type.KqlName()} value, but got {value.ToJsonString()}", e);
        }
    }
}

/// <summary>A row given to <see cref="HuntingRowWriter.Append"/> that cannot be stored.</summary>
public sealed class HuntingRowException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="index">The row's position in the rows given.</param>
    /// <param name="column">The column at fault.</param>
    /// <param name="problem">What is wrong, naming the column.</param>
    /// <param name="inner">The conversion failure, if any.</param>
    public HuntingRowException(int index, string column, string problem, Exception? inner = null)
        : base($"row {index}: {problem}", inner)
    {
        Index = index;
        Column = column;
        Problem = problem;
    }

    /// <summary>The row's position in the rows given (0-based).</summary>
    public int Index { get; }

    /// <summary>The column at fault.</summary>
    public string Column { get; }

    /// <summary>What is wrong, naming the column (no row position).</summary>
    public string Problem { get; }
}
