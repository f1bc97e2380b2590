using DefenderApi.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Tests.Hosting;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public async Task StartFlags_ReachTheBoundOptions_ThroughTheRealHostConfiguration()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"defender-flags-{Guid.NewGuid():N}");
        string[] args = ["--in-memory", "--seed", "none", "--virtual-clock", "--admin-key", "k-1", "--data-dir", directory, "--Emulator:DemoMachines=7"];
        var builder = WebApplication.CreateBuilder(CommandLineArguments.Normalize(args));
        builder.AddEmulatorHost();
        await using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<EmulatorOptions>>().Value;

        Assert.Equal(StorageKind.InMemory, options.Storage);
        Assert.Equal("none", options.Seed);
        Assert.True(options.VirtualClock);
        Assert.Equal("k-1", options.AdminKey);
        Assert.Equal(directory, options.DataDirectory);
        Assert.Equal(7, options.DemoMachines);
    }
}
