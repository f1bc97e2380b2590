using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DefenderApi.Emulator.Persistence.Rows;

/// <summary>
/// Prepared statements kept per SQLite connection, so that a query every request runs (a list page of the same shape)
/// is compiled once per pooled connection instead of on each call: compiling the machines SELECT cost more than
/// reading a row. A statement is taken out while in use and put back reset; each cache lives as long as its
/// connection handle (when Microsoft.Data.Sqlite closes one, its statements are finalized with it).
/// </summary>
internal static class SqliteStatementCache
{
    private const int Capacity = 64;

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> Caches = new();

    /// <summary>Takes the statement for <paramref name="sql"/> out of the connection's cache, or prepares it.</summary>
    /// <param name="database">The open connection's handle.</param>
    /// <param name="sql">The SQL.</param>
    /// <returns>The statement, reset and with no bindings.</returns>
    /// <exception cref="SqliteException">The SQL does not compile.</exception>
    public static sqlite3_stmt Rent(sqlite3 database, string sql)
    {
        var cache = Caches.GetOrCreateValue(database);
        lock (cache)
        {
            if (cache.Remove(sql, out var cached))
            {
                return cached;
            }
        }

        var result = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            statement.Dispose();
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }

        return statement;
    }

    /// <summary>Resets <paramref name="statement"/> (ending its read) and keeps it for the next call of the same SQL.</summary>
    /// <param name="database">The connection's handle.</param>
    /// <param name="sql">The SQL it was prepared from.</param>
    /// <param name="statement">The statement.</param>
    public static void Return(sqlite3 database, string sql, sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
        var cache = Caches.GetOrCreateValue(database);
        lock (cache)
        {
            if (cache.Count < Capacity && cache.TryAdd(sql, statement))
            {
                return;
            }
        }

        statement.Dispose();
    }
}
