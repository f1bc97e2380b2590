using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_CoverTheWholeModel()
    {
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new EmulatorDbContext(options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed: run `dotnet run --project tools/DefenderApi.MigrationsTool` and commit the migration.");
    }

    [Fact]
    public void CreationScript_IsExactlyWhatEfCoreScriptsForTheMigrations()
    {
        using var location = InMemoryLocation();
        using var db = Context(location);

        var expected = db.GetService<IMigrator>().GenerateScript();

        Assert.True(expected.ReplaceLineEndings() == DatabaseSchema.CreationScript().ReplaceLineEndings(),
            "The migrations changed: run `dotnet run --project tools/DefenderApi.MigrationsTool -- --script` and commit schema.sql.");
    }

    [Fact]
    public async Task NewDatabase_CreatedFromTheScript_MatchesMigrateAndHasEveryMigrationApplied()
    {
        using var migratedLocation = InMemoryLocation();
        await using var migrated = Context(migratedLocation);
        await migrated.Database.MigrateAsync(TestContext.Current.CancellationToken);
        using var scriptedLocation = InMemoryLocation();
        await using var scripted = Context(scriptedLocation);

        await DatabaseSchema.ApplyAsync(scripted, scriptedLocation, TestContext.Current.CancellationToken);

        Assert.Equal(await SchemaAsync(migrated), await SchemaAsync(scripted));
        Assert.Empty(await scripted.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(scripted.Database.GetMigrations(), await scripted.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NewDatabase_BeforeItsFirstLoadCompletes_HasItsUniqueIndexesButNotTheOthers()
    {
        using var location = InMemoryLocation();
        await using var db = Context(location);

        var created = await DatabaseSchema.PrepareAsync(db, location, TestContext.Current.CancellationToken);
        var beforeLoad = await SchemaAsync(db);
        await DatabaseSchema.CompleteFirstLoadAsync(db, location, TestContext.Current.CancellationToken);
        var afterLoad = await SchemaAsync(db);

        Assert.True(created);
        Assert.Contains(beforeLoad, s => s.StartsWith("index IX_Indicators_TenantId_IndicatorType_IndicatorValue:", StringComparison.Ordinal));
        Assert.DoesNotContain(beforeLoad, s => s.StartsWith("index IX_Machines_TenantId_LastSeen:", StringComparison.Ordinal));
        Assert.Equal(
            afterLoad.Where(s => !s.Contains("CREATE INDEX", StringComparison.Ordinal)),
            beforeLoad);
        Assert.False(await DatabaseSchema.PrepareAsync(db, location, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExistingDatabase_IsMigrated_NotRecreated()
    {
        using var location = InMemoryLocation();
        await using var db = Context(location);
        await DatabaseSchema.ApplyAsync(db, location, TestContext.Current.CancellationToken);
        db.Tenants.Add(new TenantRecord { Id = Guid.NewGuid(), Seed = "none", CreatedAt = DateTimeOffset.UnixEpoch, Features = [] });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await DatabaseSchema.ApplyAsync(db, location, TestContext.Current.CancellationToken);

        Assert.Equal(1, await db.Tenants.CountAsync(TestContext.Current.CancellationToken));
    }

    private static DatabaseLocation InMemoryLocation() =>
        new(Options.Create(new EmulatorOptions { Storage = StorageKind.InMemory }));

    private static EmulatorDbContext Context(DatabaseLocation location)
    {
        var options = new DbContextOptionsBuilder<EmulatorDbContext>();
        options.UseEmulatorStore(location.ConnectionString);
        return new EmulatorDbContext(options.Options);
    }

    private static async Task<List<string>> SchemaAsync(EmulatorDbContext db)
    {
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE '__EFMigrations%' ORDER BY name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        await db.Database.CloseConnectionAsync();
        return rows;
    }
}
