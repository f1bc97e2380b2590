using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DefenderApi.Emulator.Hosting;

/// <summary>Prints where to call and with which credentials once the server listens (contract §1).</summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, DatabaseLocation database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var info = EmulatorInfo.For(address.TrimEnd('/'));
        Console.WriteLine($"""
            DefenderApi emulator
              API base URL    {info.ApiBaseUrl}
              Token endpoint  {info.TokenEndpoint}
              Tenant id       {info.TenantId}
              Client id       {info.ClientId}
              Client secret   {info.ClientSecret}
              Storage         {database.Description}
            """);
    }
}
