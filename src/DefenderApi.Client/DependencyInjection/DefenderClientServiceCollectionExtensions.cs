using Azure.Core;
using DefenderApi.Client;
using DefenderApi.Client.Pipeline;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DefenderClient"/> on <c>IHttpClientFactory</c>.</summary>
public static class DefenderClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the unnamed client uses; a named client's is <c>DefenderApi.Client:{name}</c>.</summary>
    public const string HttpClientName = "DefenderApi.Client";

    /// <summary>
    /// Registers a transient <see cref="DefenderClient"/> whose <see cref="HttpClient"/> comes from <c>IHttpClientFactory</c>
    /// with the client's handlers (user agent, retry, bearer token). The token cache is a singleton.
    /// <see cref="DefenderClientOptions.Transport"/> is not used here: configure the primary handler on the returned builder.
    /// Call it once; for several tenants or credentials (an MSSP's customers), register named clients with
    /// <see cref="AddDefenderClient(IServiceCollection, string, Uri, Func{IServiceProvider, TokenCredential}, Action{DefenderClientOptions}?)"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="endpoint">The API host.</param>
    /// <param name="credential">Creates the credential (e.g. <c>sp =&gt; new ClientSecretCredential(...)</c>).</param>
    /// <param name="configure">Changes the options; the logger factory defaults to the container's.</param>
    /// <returns>The HTTP client builder, to add handlers or set the primary handler.</returns>
    /// <exception cref="InvalidOperationException">The unnamed client is already registered.</exception>
    public static IHttpClientBuilder AddDefenderClient(
        this IServiceCollection services, Uri endpoint, Func<IServiceProvider, TokenCredential> credential, Action<DefenderClientOptions>? configure = null)
    {
        var builder = AddPipeline(services, HttpClientName, endpoint, credential, configure, out var options);
        return builder.AddTypedClient((http, _) => new DefenderClient(endpoint, http, options));
    }

    /// <summary>
    /// Registers a named <see cref="DefenderClient"/>, resolved as a keyed service
    /// (<c>[FromKeyedServices("contoso")] DefenderClient client</c> or <c>GetRequiredKeyedService&lt;DefenderClient&gt;("contoso")</c>).
    /// Each name has its own credential, token cache, options and <see cref="HttpClient"/> pipeline.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (the service key), e.g. a customer tenant.</param>
    /// <param name="endpoint">The API host.</param>
    /// <param name="credential">Creates the credential for this client.</param>
    /// <param name="configure">Changes this client's options; the logger factory defaults to the container's.</param>
    /// <returns>The HTTP client builder of this client, to add handlers or set the primary handler.</returns>
    /// <exception cref="InvalidOperationException">A client of this name is already registered.</exception>
    public static IHttpClientBuilder AddDefenderClient(
        this IServiceCollection services, string name, Uri endpoint, Func<IServiceProvider, TokenCredential> credential, Action<DefenderClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var httpClientName = $"{HttpClientName}:{name}";
        var builder = AddPipeline(services, httpClientName, endpoint, credential, configure, out var options);
        services.AddKeyedTransient(name, (sp, _) => new DefenderClient(endpoint, sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), options));
        return builder;
    }

    // One pipeline per HttpClient name: registering a name twice would stack a second set of handlers on the same
    // client (every retry multiplied) and silently keep the first credential, so it is refused instead.
    private static IHttpClientBuilder AddPipeline(
        IServiceCollection services, string httpClientName, Uri endpoint, Func<IServiceProvider, TokenCredential> credential,
        Action<DefenderClientOptions>? configure, out DefenderClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (services.Any(d => d.ServiceType == typeof(TokenCache) && Equals(d.ServiceKey, httpClientName)))
        {
            throw new InvalidOperationException(httpClientName == HttpClientName
                ? "AddDefenderClient was already called. Register one client per credential with AddDefenderClient(name, …) and resolve it as a keyed service."
                : $"A Defender client named '{httpClientName[(HttpClientName.Length + 1)..]}' is already registered.");
        }

        var configured = new DefenderClientOptions();
        configure?.Invoke(configured);
        configured.Validate();
        options = configured;

        services.AddKeyedSingleton(httpClientName, (sp, _) => new TokenCache(credential(sp), configured.Scope, configured.TimeProvider));
        ILogger Logger(IServiceProvider sp) => (configured.LoggerFactory ?? sp.GetService<ILoggerFactory>())?.CreateLogger("DefenderApi.Client")
            ?? Logging.Abstractions.NullLogger.Instance;

        return services.AddHttpClient(httpClientName)
            .AddHttpMessageHandler(() => new UserAgentHandler(configured.ApplicationId))
            .AddHttpMessageHandler(sp => new RetryHandler(new RetryPolicy(configured.Retry), configured.TimeProvider, Logger(sp)))
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredKeyedService<TokenCache>(httpClientName), Logger(sp)));
    }
}
