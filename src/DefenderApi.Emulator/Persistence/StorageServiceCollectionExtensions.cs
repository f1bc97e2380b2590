using System.Collections.Concurrent;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Registers the store: an SQLite file by default, or a shared in-memory SQLite database.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the DbContext and its connection settings.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseLocation>();
        builder.Services.AddSingleton<TenantWriteLocks>();
        builder.Services.AddSingleton<DemoImage>();
        builder.Services.AddPooledDbContextFactory<EmulatorDbContext>((services, options) =>
        {
            options.UseEmulatorStore(services.GetRequiredService<DatabaseLocation>().ConnectionString)
                // Features that keep derived rows in step with what is saved (incidents from alerts) hook in here.
                .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        });
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<EmulatorDbContext>>().CreateDbContext();
            db.Tenant = services.GetRequiredService<TenantContext>();
            return db;
        });
        return builder;
    }

    /// <summary>Configures a context as the emulator's store (also the load kit's store floor, bench/).</summary>
    /// <param name="options">The context options.</param>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <returns>The options.</returns>
    public static DbContextOptionsBuilder UseEmulatorStore(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString)
               // The compiled model (Persistence/CompiledModel): building the model from OnModelCreating was most of
               // the store's start-up cost, nearly all of it first-time JIT (bench/README.md, "Start-up, compiled
               // model"). One instance per process, shared by every host the testing kit starts.
               .UseModel(CompiledModel.EmulatorDbContextModel.Instance)
               .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
               // Migrate() compares a design-time build of the model with the snapshot on every start: a tenth of a
               // second of start-up (bench/README.md). MigrationTests asserts the same thing once, in the test run.
               .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}

/// <summary>
/// Where the database lives. For in-memory storage it keeps one connection open for the process lifetime,
/// because a shared in-memory SQLite database disappears when its last connection closes.
/// </summary>
internal sealed class DatabaseLocation : IDisposable
{
    // Enough for every request a 2-core machine runs at once; more readers than that are opened and closed per use.
    private const int MaxIdleReaders = 32;

    private readonly SqliteConnection? _keepAlive;
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private bool _disposed;

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
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
            return;
        }

        var directory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, "defender.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        Description = FilePath;
    }

    /// <summary>The SQLite connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// An open connection for the row reads of Persistence/Rows, which keep their prepared statements per connection
    /// (<c>SqliteStatementCache</c>). It is not one of EF Core's connections: EF Core registers its SQL functions on
    /// every open, and registering a function expires every statement prepared on the connection. It plans with the
    /// query planner stability guarantee (QPSG): without it SQLite plans <c>LIMIT @p</c> with the bound value and
    /// expires the statement whenever <c>@p</c> is bound again, so every page and GET by id compiled its SQL anew
    /// (SQLITE_STMTSTATUS_REPREPARE equalled SQLITE_STMTSTATUS_RUN). Give it back with <see cref="ReturnReader"/>.
    /// </summary>
    /// <returns>The open connection.</returns>
    public SqliteConnection RentReader()
    {
        if (_readers.TryTake(out var connection))
        {
            return connection;
        }

        connection = new SqliteConnection(ConnectionString);
        connection.Open();
        raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
        // A small page cache per reader (SQLite's default is 2 MB): up to 32 readers stay open, each filling its own
        // cache with copies of pages the OS already caches for the file (RSS after the load kit: 284 → 269 MB).
        raw.sqlite3_exec(connection.Handle, "PRAGMA cache_size=-256");
        return connection;
    }

    /// <summary>Gives a connection of <see cref="RentReader"/> back (kept open, up to a bound; closed beyond it).</summary>
    /// <param name="connection">The connection, with no statement running.</param>
    public void ReturnReader(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_disposed || _readers.Count >= MaxIdleReaders)
        {
            connection.Dispose();
            return;
        }

        _readers.Add(connection);
    }

    /// <summary>The database file, or <see langword="null"/> in memory.</summary>
    public string? FilePath { get; }

    /// <summary>What to print at start: the file path or "in memory".</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _keepAlive?.Dispose();
    }
}
