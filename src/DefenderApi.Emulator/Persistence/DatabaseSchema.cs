using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Brings the database schema up to date at start.</summary>
public static class DatabaseSchema
{
    /// <summary>The embedded creation script: what EF Core's migrator scripts for a new database, migrations included.</summary>
    public const string CreationScriptResource = "DefenderApi.Emulator.schema.sql";

    // Read once per process: the testing kit creates a database for every host it starts.
    private static readonly Lazy<string> Script = new(ReadCreationScript);

    /// <summary>
    /// Creates a new database from <see cref="CreationScript"/>, or applies pending migrations to an existing one; then
    /// switches a file database to WAL (durable on commit with synchronous=FULL).
    /// </summary>
    /// <remarks>
    /// Every start meets a new database (a fresh data directory, the in-memory store, each testing-kit host), and
    /// <c>Migrate()</c> builds each migration's target model to write its SQL: 0.24–0.26 s of start-up against
    /// 0.05 s for running the script it would write (bench/README.md). MigrationTests asserts the script is still
    /// exactly what EF Core writes.
    /// </remarks>
    /// <param name="db">The store.</param>
    /// <param name="location">Where the database lives.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static async Task ApplyAsync(EmulatorDbContext db, DatabaseLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(location);
        // One connection for the whole preparation (EF Core leaves a connection it did not open open).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (await IsEmptyAsync(connection, cancellationToken))
            {
                // One command runs every statement of the script in order, its own BEGIN/COMMIT included.
                await ExecuteAsync(connection, CreationScript(), cancellationToken);
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (location.FilePath is not null)
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The embedded creation script.</summary>
    /// <returns>The SQL.</returns>
    public static string CreationScript() => Script.Value;

    private static string ReadCreationScript()
    {
        using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream(CreationScriptResource)
            ?? throw new InvalidOperationException($"The resource {CreationScriptResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<bool> IsEmptyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
