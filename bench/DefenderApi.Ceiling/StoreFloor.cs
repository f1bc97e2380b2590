using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Ceiling;

/// <summary>
/// With <c>--store DIR</c>, the ceiling app first does what every emulator start must do before it can answer: build
/// the emulator's EF Core model and create its schema in a fresh SQLite file in DIR, with the emulator's own store
/// configuration and schema code. Nothing is seeded and nothing is read from the store afterwards, so the start-to-ready time
/// is the floor of any EF Core store with this schema (bench/README.md, the start-up budget line).
/// </summary>
internal static class StoreFloor
{
    public static async Task PrepareAsync(string directory)
    {
        var settings = Options.Create(new EmulatorOptions { DataDirectory = directory });
        using var location = new DatabaseLocation(settings);
        var options = new DbContextOptionsBuilder<EmulatorDbContext>();
        options.UseEmulatorStore(location.ConnectionString);
        await using var db = new EmulatorDbContext(options.Options);
        await DatabaseSchema.ApplyAsync(db, location, CancellationToken.None);
    }
}
