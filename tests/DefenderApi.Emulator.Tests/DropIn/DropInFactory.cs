using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>
/// The emulator on real loopback sockets (Kestrel on free ports): plain HTTP (the proxy) and HTTPS, with its own
/// certificate authority in a folder of the test's own.
/// </summary>
public class DropInFactory : EmulatorFactory
{
    private readonly Lazy<(Uri Http, Uri Https)> _addresses;

    public DropInFactory()
    {
        CertificateDirectory = Directory.CreateTempSubdirectory("defenderapi-ca-").FullName;
        UseKestrel();
        _addresses = new Lazy<(Uri, Uri)>(() =>
        {
            StartServer();
            var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return (new Uri(bound.Single(a => a.StartsWith("http://", StringComparison.Ordinal))),
                new Uri(bound.Single(a => a.StartsWith("https://", StringComparison.Ordinal))));
        });
    }

    /// <summary>Relay CONNECTs to hosts the emulator does not serve.</summary>
    public bool ProxyPassthrough { get; init; }

    /// <summary>The folder of the emulator's root.</summary>
    public string CertificateDirectory { get; }

    /// <summary>The plain-HTTP address: the proxy.</summary>
    public Uri ProxyUri => _addresses.Value.Http;

    /// <summary>The HTTPS address.</summary>
    public Uri HttpsUri => _addresses.Value.Https;

    /// <summary>The root the emulator's certificates chain to (read from its PEM file).</summary>
    public X509Certificate2 Root => X509CertificateLoader.LoadCertificateFromFile(RootPath);

    /// <summary>The root's PEM file.</summary>
    public string RootPath => Path.Combine(CertificateDirectory, "root.pem");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Emulator:Https", "true");
        builder.UseSetting("Emulator:HttpsUrl", "https://127.0.0.1:0");
        builder.UseSetting("Emulator:CertificateDirectory", CertificateDirectory);
        builder.UseSetting("Emulator:ProxyPassthrough", ProxyPassthrough ? "true" : "false");
    }

    /// <summary>Waits until the emulator is ready (over the plain-HTTP socket).</summary>
    public async Task StartAsync()
    {
        using var client = new HttpClient { BaseAddress = ProxyUri };
        await EmulatorHealth.WaitUntilReadyAsync(client);
    }

    /// <summary>Loads the standard test machines (seen an hour ago) through the admin API.</summary>
    public async Task LoadMachinesAsync()
    {
        await StartAsync();
        using var admin = new HttpClient { BaseAddress = ProxyUri };
        using var response = await admin.PostAsJsonAsync(
            $"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines", TestMachines.Standard(TimeProvider.System.GetUtcNow()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The last exchanges the emulator's journal recorded (newest first), as JSON text.</summary>
    public async Task<string> JournalAsync(int limit = 50)
    {
        using var admin = new HttpClient { BaseAddress = ProxyUri };
        return await admin.GetStringAsync($"/_emulator/journal?limit={limit}");
    }

    /// <summary>
    /// A handler as an unchanged client has it once <c>HTTPS_PROXY</c> names the emulator and the emulator's root is
    /// trusted: the proxy, and a real chain check against that root (and nothing else) with the name check.
    /// </summary>
    public SocketsHttpHandler CreateProxiedHandler() => new()
    {
        Proxy = new WebProxy(ProxyUri),
        UseProxy = true,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustsOnlyTheRoot(certificate, errors) },
    };

    /// <summary>A handler without proxy that trusts only the emulator's root (for calls to the HTTPS address).</summary>
    public SocketsHttpHandler CreateDirectHandler() => new()
    {
        UseProxy = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustsOnlyTheRoot(certificate, errors) },
    };

    /// <summary>A handler that connects every request to the HTTPS port whatever its host (a hosts-file entry, in effect).</summary>
    public SocketsHttpHandler CreateHostsFileHandler() => new()
    {
        UseProxy = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, HttpsUri.Port, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustsOnlyTheRoot(certificate, errors) },
    };

    /// <summary>Whether a server certificate chains to the emulator's root and matches the requested name.</summary>
    public bool TrustsOnlyTheRoot(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = ChainTo(Root);
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    /// <summary>A chain policy that trusts only <paramref name="root"/>.</summary>
    public static X509Chain ChainTo(X509Certificate2 root)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(CertificateDirectory))
        {
            Directory.Delete(CertificateDirectory, recursive: true);
        }
    }
}
