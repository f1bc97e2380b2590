using Azure.Core;
using DefenderApi.Client;
using DefenderApi.Client.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DefenderClient"/> on <c>IHttpClientFactory</c>.</summary>
public static class DefenderClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses; configure its primary handler through the returned builder.</summary>
    public const string HttpClientName = "DefenderApi.Client";

    /// <summary>
    /// Registers a transient <see cref="DefenderClient"/> whose <see cref="HttpClient"/> comes from <c>IHttpClientFactory</c>
    /// with the client's handlers (user agent, retry, bearer token). The token cache is a singleton.
    /// <see cref="DefenderClientOptions.Transport"/> is not used here: configure the primary handler on the returned builder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="endpoint">The API host.</param>
    /// <param name="credential">Creates the credential (e.g. <c>sp =&gt; new ClientSecretCredential(...)</c>).</param>
    /// <param name="configure">Changes the options; the logger factory defaults to the container's.</param>
    /// <returns>The HTTP client builder, to add handlers or set the primary handler.</returns>
    public static IHttpClientBuilder AddDefenderClient(
        this IServiceCollection services, Uri endpoint, Func<IServiceProvider, TokenCredential> credential, Action<DefenderClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        var options = new DefenderClientOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(sp => new TokenCache(credential(sp), options.Scope, options.TimeProvider));
        ILogger Logger(IServiceProvider sp) => (options.LoggerFactory ?? sp.GetService<ILoggerFactory>())?.CreateLogger("DefenderApi.Client")
            ?? Logging.Abstractions.NullLogger.Instance;

        return services.AddHttpClient(HttpClientName)
            .AddHttpMessageHandler(() => new UserAgentHandler(options.ApplicationId))
            .AddHttpMessageHandler(sp => new RetryHandler(new RetryPolicy(options.Retry), options.TimeProvider, Logger(sp)))
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<TokenCache>(), Logger(sp)))
            .AddTypedClient((http, _) => new DefenderClient(endpoint, http, options));
    }
}
