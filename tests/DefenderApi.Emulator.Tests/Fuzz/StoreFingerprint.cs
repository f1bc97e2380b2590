using System.Security.Cryptography;
using System.Text;
using DefenderApi.Emulator.Persistence;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Tests.Fuzz;

/// <summary>
/// A hash of every row of every table of the emulator's store, read in one statement: equal before and after means
/// nothing stored changed.
/// </summary>
internal sealed class StoreFingerprint
{
    private readonly string _connectionString;
    private readonly string _statement;

    public StoreFingerprint(DatabaseLocation location)
    {
        _connectionString = location.ConnectionString;
        using var connection = Open();
        var tables = Read(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var parts = tables.Select(table =>
        {
            var columns = Read(connection, $"SELECT name FROM pragma_table_info('{table}')").Select(c => $"quote(\"{c}\")");
            return $"(SELECT group_concat({string.Join(" || ',' || ", columns)}, char(30)) FROM (SELECT * FROM \"{table}\" ORDER BY rowid))";
        });
        _statement = $"SELECT {string.Join(" || char(29) || ", parts.Select(p => $"ifnull({p}, '')"))}";
    }

    public string Take()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = _statement;
        var text = command.ExecuteScalar() as string ?? string.Empty;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static List<string> Read(SqliteConnection connection, string sql)
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
