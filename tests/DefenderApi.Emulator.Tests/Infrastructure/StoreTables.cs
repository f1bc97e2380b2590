using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Reads a SQLite store's own catalogue, for the tests that inspect a store below the API.</summary>
public static class StoreTables
{
    /// <summary>The store's tables, SQLite's own left out, in name order.</summary>
    public static List<string> Names(SqliteConnection connection) =>
        Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    /// <summary>The columns of <paramref name="table"/>, in their declared order.</summary>
    public static List<string> Columns(SqliteConnection connection, string table) =>
        Strings(connection, $"SELECT name FROM pragma_table_info('{table}')");

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
