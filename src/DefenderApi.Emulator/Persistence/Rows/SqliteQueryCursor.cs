using System.Data.Common;
using System.Diagnostics;
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
    private readonly DatabaseLocation _location;
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _database;
    private readonly PreparedStatement _prepared;
    private readonly IntPtr _row;
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private bool _disposed;
    private bool _stepped;

    private SqliteQueryCursor(DatabaseLocation location, SqliteConnection connection, sqlite3 database, PreparedStatement prepared)
    {
        _location = location;
        _connection = connection;
        _database = database;
        _prepared = prepared;
        // The statement stays alive (and its handle valid) until DisposeAsync returns it to the cache.
        _row = prepared.Statement.DangerousGetHandle();
    }

    /// <summary>The statement (its column names and cached column maps).</summary>
    public PreparedStatement Prepared => _prepared;

    /// <summary>Takes a reader connection and prepares <paramref name="query"/>'s SQL with its parameters bound.</summary>
    /// <param name="query">An EF Core query (its SQL and parameter values are taken; EF Core does not run it).</param>
    /// <param name="location">The database (see <see cref="DatabaseLocation.RentReader"/>).</param>
    /// <returns>The cursor, before its first row.</returns>
    public static SqliteQueryCursor Open(IQueryable query, DatabaseLocation location)
    {
        using var command = query.CreateDbCommand();
        return Open(command.CommandText, location, (database, statement) =>
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                Bind(database, statement, parameter.ParameterName, parameter.Value);
            }
        });
    }

    /// <summary>Takes a reader connection and prepares <paramref name="template"/> with <paramref name="key"/> bound.</summary>
    /// <param name="template">The SQL of a <see cref="RowQuery{T}"/>.</param>
    /// <param name="key">The key.</param>
    /// <param name="location">The database (see <see cref="DatabaseLocation.RentReader"/>).</param>
    /// <returns>The cursor, before its first row.</returns>
    public static SqliteQueryCursor Open(RowQueryTemplate template, string key, DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Open(template.Sql, location, (database, statement) =>
        {
            foreach (var parameter in template.Parameters)
            {
                Bind(database, statement, parameter.Name, parameter.IsKey ? key : parameter.Value);
            }
        });
    }

    private static SqliteQueryCursor Open(string sql, DatabaseLocation location, Action<sqlite3, sqlite3_stmt> bind)
    {
        // A reader connection, not the context's: EF Core registers its SQL functions on every connection it opens,
        // and registering a function expires every statement prepared on that connection. The SQL of entity reads
        // never calls EF Core's functions (they serve decimal arithmetic and Regex.IsMatch); SQL that did would fail
        // to prepare, loudly.
        var connection = location.RentReader();
        PreparedStatement? prepared = null;
        try
        {
            prepared = SqliteStatementCache.Rent(connection.Handle!, sql);
            bind(connection.Handle!, prepared.Statement);
            return new SqliteQueryCursor(location, connection, connection.Handle!, prepared);
        }
        catch
        {
            prepared?.Statement.Dispose();
            location.ReturnReader(connection);
            throw;
        }
    }

    private static void Bind(sqlite3 database, sqlite3_stmt statement, string name, object? value)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, ParameterName(name));
        if (index > 0)
        {
            Check(database, SqliteBinding.Bind(statement, index, value));
        }
    }

    /// <summary>Moves to the next row.</summary>
    /// <returns>Whether there is one.</returns>
    /// <exception cref="SqliteException">SQLite failed.</exception>
    public bool Read()
    {
        var result = raw.sqlite3_step(_prepared.Statement);
        if (!_stepped && result is raw.SQLITE_LOCKED or raw.SQLITE_BUSY)
        {
            result = StepOnceUnlocked();
        }

        _stepped = true;
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
    public long Int64(int column) => SqliteColumns.Int64(_row, column);

    /// <summary>The current row's value as a real.</summary>
    /// <param name="column">The column's position.</param>
    public double Double(int column) => SqliteColumns.Double(_row, column);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        SqliteStatementCache.Return(_database, _prepared);
        _location.ReturnReader(_connection);
        return ValueTask.CompletedTask;
    }

    // The first step met a writer: in a shared-cache (in-memory) database as SQLITE_LOCKED at once, in a file as
    // SQLITE_BUSY. Waits for the write as Microsoft.Data.Sqlite does for EF Core's reads (reset, sleep, step again, up
    // to its default command timeout). Real elapsed time, not the emulator's clock: a virtual clock would never move.
    private int StepOnceUnlocked()
    {
        var started = Stopwatch.GetTimestamp();
        int result;
        do
        {
            raw.sqlite3_reset(_prepared.Statement);
            Thread.Sleep(LockRetryDelay);
            result = raw.sqlite3_step(_prepared.Statement);
        }
        while (result is raw.SQLITE_LOCKED or raw.SQLITE_BUSY && Stopwatch.GetElapsedTime(started) < LockTimeout);

        return result;
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
