using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using DefenderApi.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DefenderApi.Testing;

/// <summary>The emulator application in process with in-memory storage.</summary>
internal sealed class EmulatorApplicationFactory(DefenderEmulatorOptions options, TimeProvider? clock) : WebApplicationFactory<Program>
{
    // WebApplicationFactory looks for the app's content root through a manifest that only test projects referencing
    // Microsoft.AspNetCore.Mvc.Testing get, or through the solution folder. The emulator needs nothing from its
    // content root but appsettings.json, which ships beside the assembly, so point it there: the kit then also runs
    // from console apps, benchmarks and any working directory.
    private const string ContentRootVariable = "ASPNETCORE_TEST_CONTENTROOT_DEFENDERAPI_EMULATOR";

    static EmulatorApplicationFactory()
    {
        if (Environment.GetEnvironmentVariable(ContentRootVariable) is null)
        {
            Environment.SetEnvironmentVariable(ContentRootVariable, AppContext.BaseDirectory);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            options.ConfigureLogging?.Invoke(logging);
        });
        builder.ConfigureServices(services =>
        {
            // The banner names a listening address, but in process no socket is open.
            var banner = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupBanner));
            if (banner is not null)
            {
                services.Remove(banner);
            }
        });
        builder.UseSetting("Emulator:Storage", "InMemory");
        builder.UseSetting("Emulator:Seed", options.Seed);
        if (clock is not null)
        {
            // The virtual clock starts at a fixed instant, so the demo set it seeds is the same every time: keep it as
            // an image and restore it (docs/fidelity.md). Settings can switch it off.
            builder.UseSetting("Emulator:DemoImage", "true");
        }

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
