using System.Text;

namespace DefenderApi.Hunting.Schema;

/// <summary>SQLite DDL for the hunting tables, generated from <see cref="HuntingSchema"/>.</summary>
public static class HuntingDdl
{
    /// <summary>The hidden column that scopes every row to one tenant; no query can name it.</summary>
    public const string TenantColumn = "TenantId";

    /// <summary>The <c>CREATE TABLE IF NOT EXISTS</c> and index statements for every table.</summary>
    /// <param name="schema">The schema; every table either endpoint serves (<see cref="HuntingSchema.Xdr"/>) when <see langword="null"/>.</param>
    /// <returns>The statements, separated by semicolons.</returns>
    public static string CreateScript(HuntingSchema? schema = null)
    {
        var sb = new StringBuilder();
        foreach (var table in (schema ?? HuntingSchema.Xdr).Tables)
        {
            sb.Append("CREATE TABLE IF NOT EXISTS ").Append(Quote(table.Name)).Append(" (").Append(Quote(TenantColumn)).Append(" TEXT NOT NULL");
            foreach (var column in table.Columns)
            {
                sb.Append(", ").Append(Quote(column.Name)).Append(' ').Append(StorageType(column.Type));
            }

            sb.Append(");\n");
            if (table.IsSnapshot)
            {
                continue;
            }

            AppendIndex(sb, table, "Timestamp");
            if (table.Find("DeviceId") is not null)
            {
                AppendIndex(sb, table, "DeviceId");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>CREATE TEMP TABLE</c> statements for the snapshot tables: per connection, they shadow the (empty) main tables,
    /// so a host fills them with rows derived for one request without writing to the database.
    /// </summary>
    /// <returns>The statements, separated by semicolons.</returns>
    public static string CreateSnapshotScript()
    {
        var sb = new StringBuilder();
        foreach (var table in HuntingSchema.Default.Tables.Where(t => t.IsSnapshot))
        {
            sb.Append("DROP TABLE IF EXISTS temp.").Append(Quote(table.Name)).Append(";\n");
            sb.Append("CREATE TEMP TABLE ").Append(Quote(table.Name)).Append(" (").Append(Quote(TenantColumn)).Append(" TEXT NOT NULL");
            foreach (var column in table.Columns)
            {
                sb.Append(", ").Append(Quote(column.Name)).Append(' ').Append(StorageType(column.Type));
            }

            sb.Append(");\n");
        }

        return sb.ToString();
    }

    /// <summary>Quotes an identifier for SQLite; identifiers reaching SQL were validated first, quoting makes them inert anyway.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The quoted identifier.</returns>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    internal static string StorageType(KqlType type) => type switch
    {
        KqlType.Bool or KqlType.DateTime or KqlType.Int or KqlType.Long or KqlType.TimeSpan => "INTEGER",
        KqlType.Real => "REAL",
        _ => "TEXT",
    };

    private static void AppendIndex(StringBuilder sb, HuntingTable table, string column) =>
        sb.Append("CREATE INDEX IF NOT EXISTS ").Append(Quote($"IX_{table.Name}_{TenantColumn}_{column}"))
          .Append(" ON ").Append(Quote(table.Name)).Append(" (").Append(Quote(TenantColumn)).Append(", ").Append(Quote(column)).Append(");\n");
}
