using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Creates tenants and brings them back to their start state, running every feature's seeder.</summary>
internal sealed partial class TenantProvisioner(
    IServiceScopeFactory scopes, IEnumerable<ITenantSeeder> seeders, TenantDirectory directory, TimeProvider time,
    DemoImage demoImage, ILogger<TenantProvisioner> logger)
{
    private const string SeedingCache = "PRAGMA cache_size=-131072"; // 128 MB while seeding
    private const string DefaultCache = "PRAGMA cache_size=-2000"; // SQLite's default

    /// <summary>Creates (or recreates) a tenant with its seed; the default tenant also gets the default app.</summary>
    /// <param name="seed"><c>demo</c> or <c>none</c>.</param>
    public Task ProvisionAsync(Guid tenantId, string seed, CancellationToken cancellationToken) =>
        ProvisionAsync(tenantId, seed, features: null, cancellationToken);

    /// <summary>Creates a tenant with its seed and feature switches, running every feature's seeder.</summary>
    /// <param name="seed"><c>demo</c> or <c>none</c>.</param>
    /// <param name="features">Feature switches by <see cref="TenantFeatures"/> name; absent ones keep their default.</param>
    public async Task ProvisionAsync(Guid tenantId, string seed, IReadOnlyDictionary<string, bool>? features, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = tenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // A new demo tenant is a copy of the tenant image when one exists for this build, demo settings and instant.
        var image = seed == "demo" && !directory.Contains(tenantId) ? demoImage.PathFor(DemoImage.TenantKind) : null;
        var fromImage = image is not null && File.Exists(image);
        var attached = false;
        try
        {
            if (fromImage)
            {
                TenantImage.Attach(connection, image!);
                attached = true;
            }

            // A large seed outgrows SQLite's 2 MB page cache many times over: every spill of dirty pages syncs the
            // journal and later re-reads the spilled B-tree pages. The connection is pooled, so the default comes back.
            await db.Database.ExecuteSqlRawAsync(SeedingCache, cancellationToken);
            await ProvisionInTransactionAsync(db, tenantId, seed, features, fromImage, cancellationToken);
            if (image is not null && !fromImage && TenantImage.CanBeSource(tenantId))
            {
                CaptureTenant(connection, tenantId, image);
            }
        }
        finally
        {
            if (attached)
            {
                TenantImage.Detach(connection);
            }

            await db.Database.ExecuteSqlRawAsync(DefaultCache, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }

        directory.Add(tenantId);
    }

    // The tenant is not in the directory yet, so no request reads or writes its rows while they are copied out.
    private void CaptureTenant(SqliteConnection connection, Guid tenantId, string image)
    {
        var temporary = DemoImage.TemporaryFor(image);
        try
        {
            TenantImage.Capture(connection, tenantId, temporary);
            demoImage.Publish(temporary, image);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // The image is a cache: without it the next tenant is seeded as this one was.
            LogImageNotWritten(image, ex);
            File.Delete(temporary);
        }
    }

    private async Task ProvisionInTransactionAsync(
        EmulatorDbContext db, Guid tenantId, string seed, IReadOnlyDictionary<string, bool>? features, bool fromImage,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Bulk statements, like the seeders: nothing at start goes through the change tracker, whose code the first
        // write request compiles instead (bench/README.md).
        if (!await StartupQueries.TenantExistsAsync(db, tenantId, cancellationToken))
        {
            await BulkInsert.InsertAsync(db, [new TenantRecord
            {
                Id = tenantId,
                Seed = seed,
                CreatedAt = time.GetUtcNow(),
                Features = features is null ? [] : new Dictionary<string, bool>(features),
            }], cancellationToken);
        }

        if (tenantId == DefaultTenant.TenantId && !await StartupQueries.AppExistsAsync(db, tenantId, DefaultTenant.ClientId, cancellationToken))
        {
            await BulkInsert.InsertAsync(db, [new AppRegistration
            {
                TenantId = tenantId,
                ClientId = DefaultTenant.ClientId,
                ClientSecret = DefaultTenant.ClientSecret,
                Roles = [.. ApiPermissions.AllApplication],
                DelegatedScopes = [.. ApiPermissions.AllDelegated],
            }], cancellationToken);
        }

        if (fromImage)
        {
            var copied = time.GetTimestamp();
            var rows = TenantImage.CopyInto(
                (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), tenantId);
            LogCopied(rows, tenantId, time.GetElapsedTime(copied).TotalMilliseconds);
            demoImage.NoteRestored();
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        foreach (var seeder in seeders.OrderBy(s => s.Stage))
        {
            var started = time.GetTimestamp();
            await seeder.SeedAsync(db, tenantId, seed, cancellationToken);
            LogSeeded(seeder.GetType().Name, tenantId, time.GetElapsedTime(started).TotalMilliseconds);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // Start-up time is a budget (bench/README.md): per-seeder timings show where it goes.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Seeder} seeded tenant {TenantId} in {Milliseconds:F0} ms")]
    private partial void LogSeeded(string seeder, Guid tenantId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Copied {Rows} rows of the demo image into tenant {TenantId} in {Milliseconds:F0} ms")]
    private partial void LogCopied(int rows, Guid tenantId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo image {Image} was not written")]
    private partial void LogImageNotWritten(string image, Exception exception);
}
