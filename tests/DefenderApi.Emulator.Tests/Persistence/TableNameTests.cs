using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Hunting.Schema;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Tests.Persistence;

public sealed class TableNameTests
{
    [Fact]
    public void EntityTables_NeverShareANameWithAHuntingTable()
    {
        // Hunting tables are created with CREATE TABLE IF NOT EXISTS in the same database: a clash would silently
        // reuse the entity's table and break hunting at start.
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new EmulatorDbContext(options);
        var entityTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>();
        var huntingTables = HuntingSchema.Default.Tables.Select(t => t.Name);

        Assert.Empty(entityTables.Intersect(huntingTables, StringComparer.OrdinalIgnoreCase));
    }
}
