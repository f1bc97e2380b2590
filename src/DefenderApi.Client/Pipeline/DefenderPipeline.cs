using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DefenderApi.Client.Pipeline;

/// <summary>
/// Builds the handler chain: user agent → retry → bearer token → transport. The token handler sits inside the
/// retry handler so every attempt carries a current token.
/// </summary>
internal static class DefenderPipeline
{
    /// <summary>The handler chain over <paramref name="transport"/>.</summary>
    public static DelegatingHandler Create(TokenCredential credential, DefenderClientOptions options, HttpMessageHandler transport)
    {
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DefenderApi.Client");
        var tokens = new TokenCache(credential, options.Scope, options.TimeProvider);
        return new UserAgentHandler(options.ApplicationId)
        {
            InnerHandler = new RetryHandler(new RetryPolicy(options.Retry), options.TimeProvider, logger)
            {
                InnerHandler = new BearerTokenHandler(tokens, logger) { InnerHandler = transport },
            },
        };
    }
}
