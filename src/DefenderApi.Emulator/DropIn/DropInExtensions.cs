using DefenderApi.Emulator.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The drop-in for unchanged integrations: HTTPS on Microsoft's host names with certificates of the emulator's own
/// root (<c>--https</c> or an <c>https://</c> URL), and the HTTP port as an intercepting proxy for those hosts.
/// </summary>
internal static class DropInExtensions
{
    /// <summary>Adds the certificate authority, the HTTPS certificate selection and the proxy on every endpoint.</summary>
    /// <param name="builder">The application builder (after <see cref="HostingExtensions.AddEmulatorHost"/>, which sets the default URL).</param>
    public static WebApplicationBuilder AddDropIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DropInOptions>().BindConfiguration(EmulatorOptions.Section);
        builder.Services.TryAddSingleton<EmulatorCertificates>();

        var options = builder.Configuration.GetSection(EmulatorOptions.Section).Get<DropInOptions>() ?? new DropInOptions();
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (options.Https && !string.IsNullOrEmpty(urls) && !urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            builder.WebHost.UseUrls($"{urls};{options.HttpsUrl}");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, name) =>
                kestrel.ApplicationServices.GetRequiredService<EmulatorCertificates>().Authority.ServerCertificateFor(name)?.Certificate);
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next =>
                ActivatorUtilities.CreateInstance<ProxyConnectionMiddleware>(kestrel.ApplicationServices, next).OnConnectionAsync));
        });
        return builder;
    }

    /// <summary>
    /// Refuses plain-HTTP proxy requests (absolute-form, <c>GET http://host/…</c>) for hosts the emulator does not
    /// serve, with the same one-line <c>502</c> as a refused <c>CONNECT</c>; served hosts go on to the API.
    /// </summary>
    public static WebApplication UseDropIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(RefuseUnservedProxyRequestsAsync);
        return app;
    }

    /// <summary>The URL to put in <c>HTTPS_PROXY</c>: the emulator's plain-HTTP address.</summary>
    /// <returns>The proxy URL, or <see langword="null"/> when the emulator has no plain-HTTP address.</returns>
    public static string? ProxyUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = context.RequestServices.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            return ProxyUrl(addresses);
        }

        // In process (no socket) the caller's own root is the only address there is.
        return context.Request.IsHttps ? null : $"{context.Request.Scheme}://{context.Request.Host}";
    }

    /// <summary>The proxy URL among the server's addresses: the first <c>http://</c> one, a wildcard host made loopback.</summary>
    /// <param name="addresses">The bound addresses.</param>
    /// <returns>The proxy URL, or <see langword="null"/>.</returns>
    public static string? ProxyUrl(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var http = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is null || !Uri.TryCreate(http, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "127.0.0.1" : uri.Host;
        return $"http://{host}:{uri.Port}";
    }

    private static async Task RefuseUnservedProxyRequestsAsync(HttpContext context, RequestDelegate next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var absoluteForm = target is not null
            && (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (absoluteForm && !ServedHosts.IsServed(context.Request.Host.Host))
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"The DefenderApi emulator does not serve {context.Request.Host}: it answers proxy requests only for Microsoft's Defender API and sign-in hosts.\n",
                context.RequestAborted);
            return;
        }

        await next(context);
    }
}
