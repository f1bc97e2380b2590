using System.Security.Cryptography;
using System.Text;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Tests.Fuzz;

/// <summary>
/// A hash of every row of every table of the emulator's store, read in one statement: equal before and after means
/// nothing stored changed. The hash is computed again only when another connection has committed since the last one
/// (SQLite's <c>PRAGMA data_version</c>, which counts other connections' commits, shared-cache ones included): most
/// refused writes commit nothing, and hashing the whole store twice per case was most of the fast fuzz run's time.
/// </summary>
internal sealed class StoreFingerprint : IDisposable
{
    private readonly string _connectionString;
    private readonly string _statement;
    private readonly SqliteConnection _watcher;
    private long _version = -1;
    private string _hash = string.Empty;

    public StoreFingerprint(DatabaseLocation location)
    {
        _connectionString = location.ConnectionString;
        using var connection = Open();
        var tables = StoreTables.Names(connection);
        var parts = tables.Select(table =>
        {
            var columns = StoreTables.Columns(connection, table).Select(c => $"quote(\"{c}\")");
            return $"(SELECT group_concat({string.Join(" || ',' || ", columns)}, char(30)) FROM (SELECT * FROM \"{table}\" ORDER BY rowid))";
        });
        _statement = $"SELECT {string.Join(" || char(29) || ", parts.Select(p => $"ifnull({p}, '')"))}";
        _watcher = Open();
    }

    public string Take()
    {
        using (var version = _watcher.CreateCommand())
        {
            version.CommandText = "PRAGMA data_version";
            var now = (long)version.ExecuteScalar()!;
            if (now == _version)
            {
                return _hash;
            }

            _version = now;
        }

        using var command = _watcher.CreateCommand();
        command.CommandText = _statement;
        var text = command.ExecuteScalar() as string ?? string.Empty;
        _hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return _hash;
    }

    public void Dispose() => _watcher.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
