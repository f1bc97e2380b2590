using DefenderApi.Emulator.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>
/// Lets one context's commits skip the disk sync for a while (<c>PRAGMA synchronous=NORMAL</c> on its connection) and
/// puts the connection's own setting back when disposed, before the connection returns to its pool.
/// </summary>
internal static class StoreSync
{
    /// <summary>Relaxes the context's connection until the returned value is disposed.</summary>
    /// <param name="db">The context (its connection is opened).</param>
    /// <returns>Restores the setting the connection had.</returns>
    public static IDisposable Relaxed(EmulatorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var before = Convert.ToInt64(Execute(connection, "PRAGMA synchronous;"), System.Globalization.CultureInfo.InvariantCulture);
        Execute(connection, "PRAGMA synchronous=NORMAL;");
        return new Restore(db, connection, before);
    }

    private static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private sealed class Restore(EmulatorDbContext db, SqliteConnection connection, long level) : IDisposable
    {
        public void Dispose()
        {
            Execute(connection, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA synchronous={level};"));
            db.Database.CloseConnection();
        }
    }
}
