using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// One tenant's demo rows as an image file: captured from a tenant the seeders just filled, copied into a new tenant
/// with every occurrence of the source tenant's id rewritten to the new one, in every column that holds it (found at
/// capture: the key columns, and the JSON that carries the id too, such as alerts' <c>aadTenantId</c>).
/// </summary>
/// <remarks>
/// The id is rewritten in the four forms a GUID is written in (with and without hyphens, upper and lower case), so the
/// source must be a tenant whose id has a letter: a digits-only id reads the same in both cases, and the case each
/// column stores (EF Core's upper-case GUIDs, the hunting tables' lower-case ones) could not be told apart.
/// Tenants and apps are not in the image: the provisioner writes a new tenant's record, and only the default tenant
/// has an app at start.
/// </remarks>
internal static class TenantImage
{
    private const string Schema = "demoimage";
    private const string SourceTable = "DemoImageSource";
    private const string ColumnsTable = "DemoImageIdColumns";
    private static readonly string[] Excluded = ["Tenants", "Apps", "__EFMigrationsHistory", SourceTable, ColumnsTable];

    /// <summary>Whether a tenant's id can be rewritten without ambiguity (it has a letter).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns><see langword="true"/> when its upper- and lower-case forms differ.</returns>
    public static bool CanBeSource(Guid tenantId) =>
        !string.Equals(tenantId.ToString("D"), tenantId.ToString("D").ToUpperInvariant(), StringComparison.Ordinal);

    /// <summary>Writes a tenant's rows (every table with a <c>TenantId</c> column but tenants and apps) to a new file.</summary>
    /// <param name="connection">An open connection to the store, no transaction running.</param>
    /// <param name="tenantId">The tenant, just seeded; see <see cref="CanBeSource"/>.</param>
    /// <param name="temporary">The file to write.</param>
    public static void Capture(SqliteConnection connection, Guid tenantId, string temporary)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, $"ATTACH DATABASE {Literal(temporary)} AS {Schema}");
        try
        {
            Execute(connection, "BEGIN");
            Execute(connection, $"CREATE TABLE {Schema}.{SourceTable} (TenantId TEXT NOT NULL)");
            Execute(connection, $"INSERT INTO {Schema}.{SourceTable} VALUES ({Literal(tenantId.ToString("D"))})");
            Execute(connection, $"CREATE TABLE {Schema}.{ColumnsTable} (TableName TEXT NOT NULL, ColumnName TEXT NOT NULL)");
            foreach (var table in TenantTables(connection, "main", transaction: null))
            {
                Execute(connection, string.Create(CultureInfo.InvariantCulture,
                    $"CREATE TABLE {Schema}.{Quote(table)} AS SELECT * FROM main.{Quote(table)} WHERE \"TenantId\" IN ({Literal(tenantId.ToString("D").ToUpperInvariant())}, {Literal(tenantId.ToString("D"))}) ORDER BY rowid"));
                // The columns holding the id in any form and case: only they are rewritten on copy. Rewriting every
                // text value was four fifths of a copy's CPU time.
                foreach (var column in ColumnsIn(connection, Schema, table, transaction: null))
                {
                    var text = $"lower(CAST({Quote(column)} AS TEXT))";
                    Execute(connection, string.Create(CultureInfo.InvariantCulture,
                        $"INSERT INTO {Schema}.{ColumnsTable} SELECT {Literal(table)}, {Literal(column)} WHERE EXISTS (SELECT 1 FROM {Schema}.{Quote(table)} WHERE instr({text}, {Literal(tenantId.ToString("D"))}) > 0 OR instr({text}, {Literal(tenantId.ToString("N"))}) > 0)"));
                }
            }

            Execute(connection, "COMMIT");
        }
        finally
        {
            Execute(connection, $"DETACH DATABASE {Schema}");
        }
    }

    /// <summary>Attaches an image to a connection (before its transaction begins: SQLite attaches outside transactions).</summary>
    /// <param name="connection">The open store connection.</param>
    /// <param name="path">The image file.</param>
    public static void Attach(SqliteConnection connection, string path)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // A plain path: a URI (for mode=ro) is only understood on connections opened with URI names, which the file
        // store's are not. The image is only read.
        Execute(connection, $"ATTACH DATABASE {Literal(path)} AS {Schema}");
    }

    /// <summary>Detaches what <see cref="Attach"/> attached (after the transaction ended).</summary>
    /// <param name="connection">The store connection.</param>
    public static void Detach(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, $"DETACH DATABASE {Schema}");
    }

    /// <summary>Copies the attached image's rows into a new tenant, in the image's row order, rewriting the source id.</summary>
    /// <param name="connection">The store connection with the image attached.</param>
    /// <param name="transaction">The provisioning transaction.</param>
    /// <param name="tenantId">The new tenant (it has no rows yet).</param>
    /// <returns>The rows copied.</returns>
    public static int CopyInto(SqliteConnection connection, SqliteTransaction? transaction, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Guid source;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT TenantId FROM {Schema}.{SourceTable}";
            source = Guid.Parse((string)read.ExecuteScalar()!);
        }

        // Tables are copied by name, not by dependency: the keys are checked once, at commit.
        using (var defer = connection.CreateCommand())
        {
            defer.Transaction = transaction;
            defer.CommandText = "PRAGMA defer_foreign_keys = ON";
            defer.ExecuteNonQuery();
        }

        var withId = new HashSet<(string, string)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT TableName, ColumnName FROM {Schema}.{ColumnsTable}";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                withId.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var rows = 0;
        foreach (var table in TenantTables(connection, Schema, transaction))
        {
            var columns = ColumnsIn(connection, Schema, table, transaction);
            var values = columns.Select(c => withId.Contains((table, c)) ? Rewritten(c) : Quote(c));
            using var copy = connection.CreateCommand();
            copy.Transaction = transaction;
            copy.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO main.{Quote(table)} ({string.Join(", ", columns.Select(Quote))}) SELECT {string.Join(", ", values)} FROM {Schema}.{Quote(table)} ORDER BY rowid");
            foreach (var (name, format, upper) in Forms)
            {
                copy.Parameters.AddWithValue($"$s{name}", Form(source, format, upper));
                copy.Parameters.AddWithValue($"$n{name}", Form(tenantId, format, upper));
            }

            rows += copy.ExecuteNonQuery();
        }

        return rows;
    }

    private static readonly (string Name, string Format, bool Upper)[] Forms = [("du", "D", true), ("dl", "D", false), ("nu", "N", true), ("nl", "N", false)];

    private static string Form(Guid id, string format, bool upper) => upper ? id.ToString(format).ToUpperInvariant() : id.ToString(format);

    // Text values of a column holding the id get it rewritten in every form; numbers and blobs are copied as they are.
    private static string Rewritten(string column)
    {
        var value = new StringBuilder(Quote(column));
        foreach (var (name, _, _) in Forms)
        {
            value.Insert(0, "replace(").Append(CultureInfo.InvariantCulture, $", $s{name}, $n{name})");
        }

        return $"CASE WHEN typeof({Quote(column)}) = 'text' THEN {value} ELSE {Quote(column)} END";
    }

    private static List<string> TenantTables(SqliteConnection connection, string schema, SqliteTransaction? transaction)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return [.. tables.Where(t => !Excluded.Contains(t, StringComparer.Ordinal) && ColumnsIn(connection, schema, t, transaction).Contains("TenantId", StringComparer.Ordinal))];
    }

    private static List<string> ColumnsIn(SqliteConnection connection, string schema, string table, SqliteTransaction? transaction)
    {
        using var info = connection.CreateCommand();
        info.Transaction = transaction;
        info.CommandText = $"SELECT name FROM pragma_table_info({Literal(table)}, {Literal(schema)}) ORDER BY cid";
        using var reader = info.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
