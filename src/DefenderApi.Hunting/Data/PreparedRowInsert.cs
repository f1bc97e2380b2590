using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DefenderApi.Hunting.Data;

/// <summary>
/// One INSERT prepared once on an open connection and run per row with its values bound by position. Microsoft.Data.Sqlite
/// looks every parameter up by name on every execution, which was most of the cost of seeding demo data; bulk writers
/// (the hunting tables, the emulator's seeders) use this instead. It runs inside whatever transaction the connection
/// has open.
/// </summary>
public sealed class PreparedRowInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement, with positional parameters (<c>?</c>).</param>
    /// <exception cref="SqliteException">The statement does not compile.</exception>
    public PreparedRowInsert(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Runs the statement with <paramref name="values"/> bound to its parameters in order.</summary>
    /// <param name="values">
    /// The values: <see langword="null"/>/<see cref="DBNull"/>, strings, booleans (0/1), integers, floating point,
    /// decimals (invariant text), GUIDs (upper-case text, as EF Core stores them) and byte arrays.
    /// </param>
    /// <exception cref="SqliteException">SQLite refused the row (e.g. a constraint; with its extended result code).</exception>
    public void Insert(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Check(Bind(i + 1, values[i]));
        }

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        for (var started = Stopwatch.GetTimestamp(); IsLocked(result) && Stopwatch.GetElapsedTime(started) < LockWait;)
        {
            // Another connection holds the table (an in-memory store's shared cache answers SQLITE_LOCKED at once, with
            // no busy handler): wait and step again, as Microsoft.Data.Sqlite does for its own commands. The long fuzz
            // run met it on admin loads racing API writes (a 500 each).
            Thread.Sleep(LockPause);
            result = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
        }

        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    /// <summary>How long a row waits for a table another connection holds: Microsoft.Data.Sqlite's default command timeout.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LockPause = TimeSpan.FromMilliseconds(5);

    private static bool IsLocked(int result) => (result & 0xFF) is raw.SQLITE_LOCKED or raw.SQLITE_BUSY;

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private int Bind(int index, object? value) => SqliteBinding.Bind(_statement, index, value);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            // The extended code tells a unique index (2067) from a primary key (1555) or a foreign key (787).
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result, raw.sqlite3_extended_errcode(_database));
        }
    }
}
