using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;

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
}
