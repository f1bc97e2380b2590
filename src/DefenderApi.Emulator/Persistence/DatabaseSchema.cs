using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Brings the database schema up to date at start.</summary>
internal static class DatabaseSchema
{
    /// <summary>The embedded creation script: what EF Core's migrator scripts for a new database, migrations included.</summary>
    public const string CreationScriptResource = "DefenderApi.Emulator.schema.sql";

    // Read once per process: the testing kit creates a database for every host it starts.
    private static readonly Lazy<string> Script = new(ReadCreationScript);
    private static readonly Lazy<(string Tables, string Indexes)> Split = new(() => SplitIndexes(Script.Value));

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
    /// <param name="location">Where the database lives.</param>
    public static async Task ApplyAsync(EmulatorDbContext db, DatabaseLocation location, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(db, location, cancellationToken))
        {
            await CompleteFirstLoadAsync(db, location, cancellationToken);
        }
    }

    /// <summary>
    /// Like <see cref="ApplyAsync"/>, but a new database is left ready for its first bulk load: the tables and their
    /// keys and unique indexes exist, the other indexes do not, and the journal is still SQLite's rollback journal.
    /// Call <see cref="CompleteFirstLoadAsync"/> after the load (the start-up's seeding), before serving.
    /// </summary>
    /// <remarks>
    /// Building an index once over loaded rows (a sort) is far cheaper than updating it row by row, and a first load in
    /// WAL mode writes every page twice (into the WAL, then back into the database at the checkpoint), where the
    /// rollback journal of a new database holds almost nothing: new pages have no old content to save. Nothing reads
    /// the store before the load completes (readiness is not reported), so no request sees the missing indexes; the
    /// unique indexes stay, so the load meets every rule it would meet later.
    /// </remarks>
    /// <param name="location">Where the database lives.</param>
    /// <returns><see langword="true"/> for a new database (call <see cref="CompleteFirstLoadAsync"/>); <see langword="false"/> when an existing one was migrated and is ready.</returns>
    public static async Task<bool> PrepareAsync(EmulatorDbContext db, DatabaseLocation location, CancellationToken cancellationToken)
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
                await ExecuteAsync(connection, Split.Value.Tables, cancellationToken);
                return true;
            }

            await db.Database.MigrateAsync(cancellationToken);
            await UseWalAsync(connection, location, cancellationToken);
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Fills a new (empty) database from a store image with SQLite's backup API (schema, indexes and rows at once) and
    /// switches a file database to WAL. An existing database is left alone.
    /// </summary>
    /// <param name="location">Where the database lives.</param>
    /// <param name="image">The store image, or <see langword="null"/> when images are off.</param>
    /// <returns><see langword="true"/> when the database was restored and is ready.</returns>
    public static async Task<bool> RestoreAsync(EmulatorDbContext db, DatabaseLocation location, string? image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(location);
        using var source = DemoImage.OpenReadOnly(image);
        if (source is null)
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (!await IsEmptyAsync(connection, cancellationToken))
            {
                return false;
            }

            source.BackupDatabase(connection);
            await UseWalAsync(connection, location, cancellationToken);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the indexes <see cref="PrepareAsync"/> left out and switches a file database to WAL.</summary>
    /// <param name="location">Where the database lives.</param>
    public static async Task CompleteFirstLoadAsync(EmulatorDbContext db, DatabaseLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(location);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync(connection, Split.Value.Indexes, cancellationToken);
            await UseWalAsync(connection, location, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task UseWalAsync(DbConnection connection, DatabaseLocation location, CancellationToken cancellationToken)
    {
        if (location.FilePath is not null)
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
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

    /// <summary>
    /// The creation script without its non-unique <c>CREATE INDEX</c> statements, and those statements in a transaction
    /// of their own. EF Core writes each index as one line of the script.
    /// </summary>
    /// <param name="script">The creation script.</param>
    /// <returns>The two scripts; run in order they build what <paramref name="script"/> builds.</returns>
    internal static (string Tables, string Indexes) SplitIndexes(string script)
    {
        var tables = new StringBuilder(script.Length);
        var indexes = new StringBuilder("BEGIN TRANSACTION;\n");
        foreach (var line in script.ReplaceLineEndings("\n").Split('\n'))
        {
            (line.StartsWith("CREATE INDEX ", StringComparison.Ordinal) ? indexes : tables).Append(line).Append('\n');
        }

        return (tables.ToString(), indexes.Append("COMMIT;\n").ToString());
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
