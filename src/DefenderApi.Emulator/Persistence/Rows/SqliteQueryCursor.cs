using System.Data.Common;
using DefenderApi.Hunting.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace DefenderApi.Emulator.Persistence.Rows;

/// <summary>
/// Runs the SQL EF Core generates for a query straight on the SQLite handle and hands its columns out as they are
/// stored (UTF-8 text, integers, reals). Answers that only copy rows into JSON use it instead of materializing
/// entities: reading each column into a .NET value and writing it back out was most of the cost of a list page
/// (docs/decisions/0004-request-path-performance.md).
/// </summary>
internal sealed class SqliteQueryCursor : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _database;
    private readonly PreparedStatement _prepared;
    private readonly IntPtr _row;
    private bool _disposed;

    private SqliteQueryCursor(SqliteConnection connection, sqlite3 database, PreparedStatement prepared)
    {
        _connection = connection;
        _database = database;
        _prepared = prepared;
        // The statement stays alive (and its handle valid) until DisposeAsync returns it to the cache.
        _row = prepared.Statement.DangerousGetHandle();
    }

    /// <summary>The statement (its column names and cached column maps).</summary>
    public PreparedStatement Prepared => _prepared;

    /// <summary>Opens a connection of the read pool and prepares <paramref name="query"/>'s SQL with its parameters bound.</summary>
    /// <param name="query">An EF Core query (its SQL and parameter values are taken; EF Core does not run it).</param>
    /// <param name="location">The database (its <see cref="DatabaseLocation.ReadConnectionString"/>).</param>
    /// <param name="cancellationToken">Cancels opening the connection.</param>
    /// <returns>The cursor, before its first row.</returns>
    public static async Task<SqliteQueryCursor> OpenAsync(IQueryable query, DatabaseLocation location, CancellationToken cancellationToken)
    {
        using var command = query.CreateDbCommand();
        // A connection of its own pool, not the context's: see DatabaseLocation.ReadConnectionString. The SQL of
        // entity reads never calls EF Core's functions (they serve decimal arithmetic and Regex.IsMatch); preparing
        // SQL that did would fail loudly.
        var connection = new SqliteConnection(location.ReadConnectionString);
        PreparedStatement? prepared = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
            prepared = SqliteStatementCache.Rent(connection.Handle!, command.CommandText);
            Bind(connection.Handle!, prepared.Statement, command);
            return new SqliteQueryCursor(connection, connection.Handle!, prepared);
        }
        catch
        {
            prepared?.Statement.Dispose();
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Bind(sqlite3 database, sqlite3_stmt statement, DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, ParameterName(parameter.ParameterName));
            if (index > 0)
            {
                Check(database, SqliteBinding.Bind(statement, index, parameter.Value));
            }
        }
    }

    /// <summary>Moves to the next row.</summary>
    /// <returns>Whether there is one.</returns>
    /// <exception cref="SqliteException">SQLite failed.</exception>
    public bool Read()
    {
        var result = raw.sqlite3_step(_prepared.Statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            Check(_database, result);
        }

        return false;
    }

    /// <summary>Whether the current row's value of <paramref name="column"/> is NULL.</summary>
    /// <param name="column">The column's position.</param>
    /// <returns><see langword="true"/> for NULL.</returns>
    public bool IsNull(int column) => SqliteColumns.Type(_row, column) == raw.SQLITE_NULL;

    /// <summary>The current row's value as stored bytes (a text value's UTF-8, without conversion); valid until the next <see cref="Read"/>.</summary>
    /// <param name="column">The column's position.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> Bytes(int column) => SqliteColumns.Bytes(_row, column);

    /// <summary>The current row's value as an integer.</summary>
    /// <param name="column">The column's position.</param>
    /// <returns>The value.</returns>
    public long Int64(int column) => SqliteColumns.Int64(_row, column);

    /// <summary>The current row's value as a real.</summary>
    /// <param name="column">The column's position.</param>
    /// <returns>The value.</returns>
    public double Double(int column) => SqliteColumns.Double(_row, column);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SqliteStatementCache.Return(_database, _prepared);
        await _connection.DisposeAsync();
    }

    // EF Core names parameters with their prefix ("@__p_0"); SQLite's lookup needs the prefix too.
    private static string ParameterName(string name) => name.Length > 0 && name[0] is '@' or '$' or ':' ? name : "@" + name;

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }
}
