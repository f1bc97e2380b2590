using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DefenderApi.Emulator.Hosting;

/// <summary>Prints where to call and with which credentials once the server listens (see README.md, "Start").</summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, DatabaseLocation database, DropIn.EmulatorCertificates certificates) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        StartupStages.Mark("listening");
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var proxy = DropIn.DropInExtensions.ProxyUrl(addresses!);
        var https = addresses!.Where(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).ToList();

        var info = EmulatorInfo.For(address.TrimEnd('/'));
        Console.WriteLine($"""
            DefenderApi emulator
              API base URL    {info.ApiBaseUrl}
              Token endpoint  {info.TokenEndpoint}
              Tenant id       {info.TenantId}
              Client id       {info.ClientId}
              Client secret   {info.ClientSecret}
              Storage         {database.Description}
              HTTPS           {(https.Count == 0 ? "off (--https serves Microsoft's host names with the local root)" : string.Join(' ', https))}
              Proxy           {proxy ?? "none (no plain-HTTP address)"}  (HTTPS_PROXY for unchanged clients; the env command prints the lines)
              Root CA         {certificates.Authority.RootCertificatePath}
            """);
    }
}
