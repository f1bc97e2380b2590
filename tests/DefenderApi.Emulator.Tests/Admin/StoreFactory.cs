using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>The probe API with <see cref="ProbeAppsSeeder"/>: every tenant starts with 51 apps (the seeded 50 plus the default app in the default tenant).</summary>
public sealed class StoreFactory : ThrottlingFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ITenantSeeder, ProbeAppsSeeder>());
    }
}
