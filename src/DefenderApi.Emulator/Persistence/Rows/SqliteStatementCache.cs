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

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, PreparedStatement>> Caches = new();

    /// <summary>Takes the statement for <paramref name="sql"/> out of the connection's cache, or prepares it.</summary>
    /// <param name="database">The open connection's handle.</param>
    /// <param name="sql">The SQL.</param>
    /// <returns>The statement, reset and with no bindings.</returns>
    /// <exception cref="SqliteException">The SQL does not compile.</exception>
    public static PreparedStatement Rent(sqlite3 database, string sql)
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

        return new PreparedStatement(sql, statement);
    }

    /// <summary>Resets <paramref name="prepared"/> (ending its read) and keeps it for the next call of the same SQL.</summary>
    /// <param name="database">The connection's handle.</param>
    /// <param name="prepared">The statement.</param>
    public static void Return(sqlite3 database, PreparedStatement prepared)
    {
        raw.sqlite3_reset(prepared.Statement);
        raw.sqlite3_clear_bindings(prepared.Statement);
        var cache = Caches.GetOrCreateValue(database);
        lock (cache)
        {
            if (cache.Count < Capacity && cache.TryAdd(prepared.Sql, prepared))
            {
                return;
            }
        }

        prepared.Statement.Dispose();
    }
}

/// <summary>A prepared statement with what is learnt about its result once: column names, and where each layout's columns are.</summary>
/// <param name="Sql">The SQL it was prepared from.</param>
/// <param name="Statement">The statement.</param>
internal sealed record PreparedStatement(string Sql, sqlite3_stmt Statement)
{
    private readonly Dictionary<object, int[]?> _maps = [];

    /// <summary>The result's column names, in order.</summary>
    public string[] ColumnNames { get; } = Enumerable.Range(0, raw.sqlite3_column_count(Statement))
        .Select(i => raw.sqlite3_column_name(Statement, i).utf8_to_string()).ToArray();

    /// <summary>The column positions <paramref name="owner"/> maps from <see cref="ColumnNames"/>, computed once.</summary>
    /// <param name="owner">Who maps (a row layout).</param>
    /// <param name="map">Computes the positions, or <see langword="null"/> when a column is missing.</param>
    /// <returns>The positions.</returns>
    public int[]? ColumnMap(object owner, Func<string[], int[]?> map)
    {
        // Used by one request at a time: a statement is out of the cache while in use.
        if (!_maps.TryGetValue(owner, out var columns))
        {
            columns = map(ColumnNames);
            _maps[owner] = columns;
        }

        return columns;
    }
}
