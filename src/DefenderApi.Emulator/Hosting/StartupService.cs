using System.Runtime;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hosting;

/// <summary>Prepares the store (schema, default tenant, seed) after the server starts listening, then marks ready.</summary>
internal sealed partial class StartupService(
    IServiceScopeFactory scopes,
    TenantProvisioner provisioner,
    EmulatorReadiness readiness,
    TenantDirectory directory,
    IOptions<EmulatorOptions> options,
    ILogger<StartupService> logger) : BackgroundService
{
    private const int LargeDemoSet = 10_000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var seeded = false;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
                var location = scope.ServiceProvider.GetRequiredService<DatabaseLocation>();
                var image = scope.ServiceProvider.GetRequiredService<DemoImage>();
                var storeImage = options.Value.Seed == "demo" ? image.PathFor(DemoImage.StoreKind) : null;
                // A new store is a copy of the store image when one exists; otherwise it gets its first load (the
                // default tenant's seed) before its secondary indexes and WAL.
                StartupStages.Mark("store opened");
                var restored = await DatabaseSchema.RestoreAsync(db, location, storeImage, stoppingToken);
                if (restored)
                {
                    image.NoteRestored();
                }

                var newStore = !restored && await DatabaseSchema.PrepareAsync(db, location, stoppingToken);
                StartupStages.Mark("schema prepared");
                foreach (var tenantId in await StartupQueries.TenantIdsAsync(db, stoppingToken))
                {
                    directory.Add(tenantId);
                }

                StartupStages.Mark("tenants listed");

                if (!directory.Contains(DefaultTenant.TenantId))
                {
                    await provisioner.ProvisionAsync(DefaultTenant.TenantId, options.Value.Seed, stoppingToken);
                    seeded = true;
                    StartupStages.Mark("default tenant provisioned");
                }

                if (newStore)
                {
                    await DatabaseSchema.CompleteFirstLoadAsync(db, location, stoppingToken);
                    if (seeded && storeImage is not null)
                    {
                        await CaptureStoreAsync(db, image);
                    }
                }
            }

            if (seeded && IsLargeDemoSet())
            {
                // Seeding a large demo set leaves hundreds of MB of short-lived objects behind; hand that memory back
                // to the OS once, before serving, instead of carrying the peak for the process lifetime
                // (bench/README.md). Small sets (and the in-process testing kit's) are not worth a full collection.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            readiness.MarkReady();
            StartupStages.Mark("ready");
            LogReady(logger, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime().TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartupFailed(logger, ex);
            readiness.MarkFailed(ex);
            return;
        }

        try
        {
            await WarmUpAsync(stoppingToken);
            StartupStages.Mark("query pipeline warmed");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start is lost: the first request compiles the pipeline as it did before.
            LogWarmUpFailed(logger, ex);
        }
    }

    // The start path reads the store with SQL (StartupQueries), so EF Core's query pipeline is first compiled here,
    // after readiness, by the query a client's first call runs: its token request. A token request that arrives before
    // this ends shares the work with it (bench/README.md, "Start-up, compiled model").
    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        await Auth.TokenRequestHandler.FindAppAsync(db, DefaultTenant.ClientId, stoppingToken);
    }

    // Before readiness: no request has changed the store yet, so the image is exactly the seed.
    private async Task CaptureStoreAsync(EmulatorDbContext db, DemoImage image)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            image.CaptureStore((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection());
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // The image is a cache: without it the next start seeds as this one did.
            LogImageNotWritten(logger, ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private bool IsLargeDemoSet()
    {
        var settings = options.Value;
        return settings.Seed == "demo" && settings.DemoMachines + (settings.DemoAlerts ?? settings.DemoMachines / 2) >= LargeDemoSet;
    }

    // Start-up time is a budget (bench/README.md), and first-time compilation is most of it.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ready: {Methods} methods compiled so far, {JitMs:F0} ms in the JIT")]
    private static partial void LogReady(ILogger logger, long methods, double jitMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo store image was not written")]
    private static partial void LogImageNotWritten(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming EF Core's query pipeline after start failed")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Emulator start-up failed")]
    private static partial void LogStartupFailed(ILogger logger, Exception exception);
}
