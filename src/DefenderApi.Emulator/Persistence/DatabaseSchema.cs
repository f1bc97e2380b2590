using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Brings the database schema up to date at start.</summary>
public static class DatabaseSchema
{
    /// <summary>Applies pending migrations and switches a file database to WAL (durable on commit with synchronous=FULL).</summary>
    /// <param name="db">The store.</param>
    /// <param name="location">Where the database lives.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static async Task ApplyAsync(EmulatorDbContext db, DatabaseLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(location);
        if (location.FilePath is not null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
