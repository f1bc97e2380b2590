using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Registers the store: an SQLite file by default, or a shared in-memory SQLite database.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the DbContext and its connection settings.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseLocation>();
        builder.Services.AddSingleton<TenantWriteLocks>();
        builder.Services.AddPooledDbContextFactory<EmulatorDbContext>((services, options) =>
            options.UseSqlite(services.GetRequiredService<DatabaseLocation>().ConnectionString)
                   .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<EmulatorDbContext>>().CreateDbContext();
            db.Tenant = services.GetRequiredService<TenantContext>();
            return db;
        });
        return builder;
    }
}

/// <summary>
/// Where the database lives. For in-memory storage it keeps one connection open for the process lifetime,
/// because a shared in-memory SQLite database disappears when its last connection closes.
/// </summary>
public sealed class DatabaseLocation : IDisposable
{
    private readonly SqliteConnection? _keepAlive;

    /// <summary>Resolves the location from the options.</summary>
    /// <param name="options">The emulator options.</param>
    public DatabaseLocation(IOptions<EmulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.Storage == StorageKind.InMemory)
        {
            // A URI rather than Mode=Memory: Microsoft.Data.Sqlite never pools Mode=Memory connections, and opening a
            // fresh one (with EF's functions registered on it) for every query was a tenth of an in-process request.
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = $"file:defender-{Guid.NewGuid():N}?mode=memory&cache=shared",
                Pooling = true,
            }.ToString();
            Description = "in memory";
            ReadConnectionString = ReadPool(ConnectionString);
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
            return;
        }

        var directory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, "defender.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        ReadConnectionString = ReadPool(ConnectionString);
        Description = FilePath;
    }

    /// <summary>The SQLite connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The same database through a pool of its own, for the row reads of Persistence/Rows. Its connections keep their
    /// prepared statements: EF Core registers its SQL functions on every connection it opens, and registering a
    /// function makes SQLite expire every statement prepared on that connection, so statements cached on EF Core's
    /// connections were compiled again on their next step (most of the cost of a GET).
    /// </summary>
    public string ReadConnectionString { get; }

    /// <summary>The database file, or <see langword="null"/> in memory.</summary>
    public string? FilePath { get; }

    /// <summary>What to print at start: the file path or "in memory".</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose() => _keepAlive?.Dispose();

    // Microsoft.Data.Sqlite pools by connection string: an explicit (default) timeout makes a distinct pool.
    private static string ReadPool(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString();
}
