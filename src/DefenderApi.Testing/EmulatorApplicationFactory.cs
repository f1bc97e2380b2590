using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DefenderApi.Testing;

/// <summary>The emulator application in process with in-memory storage.</summary>
internal sealed class EmulatorApplicationFactory(DefenderEmulatorOptions options, TimeProvider? clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Emulator:Storage", "InMemory");
        builder.UseSetting("Emulator:Seed", options.Seed);
        foreach (var (key, value) in options.Settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}
