// Regenerates the emulator's EF Core migration from the current model. The dotnet-ef tool is not on the package
// feed here, so this drives EF's design-time scaffolder directly. Until the first release the schema has a single
// "Initial" migration that is rewritten (in one run: the compiled Initial is hidden from the scaffolder, so the new
// one is diffed against an empty database); after it, pass a new name to add a migration instead.
//
//   dotnet run --project tools/DefenderApi.MigrationsTool -- [MigrationName]
//
// Then, once the emulator is built with the new migration, rewrite the creation script a new database runs
// (Persistence/Migrations/schema.sql; MigrationTests fails until it matches):
//
//   dotnet run --project tools/DefenderApi.MigrationsTool -- --script
//
// And rewrite the EF Core compiled model the emulator runs on (Persistence/CompiledModel; CompiledModelTests fails
// until it matches the model OnModelCreating builds):
//
//   dotnet run --project tools/DefenderApi.MigrationsTool -- --compiled-model
using System.Reflection;
using DefenderApi.Emulator.Persistence;
using DefenderApi.MigrationsTool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

var name = args.Length > 0 ? args[0] : "Initial";
var root = FindRepositoryRoot();
var projectDir = Path.Combine(root, "src", "DefenderApi.Emulator");
var migrationsDir = Path.Combine(projectDir, "Persistence", "Migrations");

if (name == "Initial" && Directory.Exists(migrationsDir))
{
    foreach (var file in Directory.GetFiles(migrationsDir, "*.cs"))
    {
        File.Delete(file);
    }
}

if (name == "--compiled-model")
{
    var outputDir = Path.Combine(projectDir, "Persistence", "CompiledModel");
    Directory.CreateDirectory(outputDir);
    foreach (var file in CompiledModelSource.GeneratedFiles(outputDir))
    {
        File.Delete(file);
    }

    foreach (var file in CompiledModelSource.Generate())
    {
        var path = Path.Combine(outputDir, file.Path);
        File.WriteAllText(path, file.Code);
        Console.WriteLine($"Wrote {path}");
    }

    return;
}

var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite("Data Source=:memory:").Options;
using var db = new EmulatorDbContext(options);

if (name == "--script")
{
    var script = Path.Combine(migrationsDir, "schema.sql");
    File.WriteAllText(script, db.GetService<IMigrator>().GenerateScript());
    Console.WriteLine($"Wrote {script}");
    return;
}

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // The SQLite provider's design-time services are the supported way to scaffold for it.
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
if (name == "Initial")
{
    services.AddSingleton<IMigrationsAssembly>(new NoMigrations(typeof(EmulatorDbContext).Assembly));
}

using var provider = services.BuildServiceProvider();

var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "DefenderApi.Emulator", "Persistence.Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, migrationsDir);
Console.WriteLine($"Wrote {files.MigrationFile}");
Console.WriteLine($"Wrote {files.SnapshotFile}");

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "DefenderApi.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

/// <summary>The emulator assembly as the scaffolder sees it while the Initial migration is rewritten: no migrations yet.</summary>
internal sealed class NoMigrations(Assembly assembly) : IMigrationsAssembly
{
    public IReadOnlyDictionary<string, TypeInfo> Migrations { get; } = new Dictionary<string, TypeInfo>();

    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => assembly;

    public string? FindMigrationId(string nameOrId) => null;

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider) =>
        throw new InvalidOperationException("No migration exists while the Initial migration is rewritten.");
}
