using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DefenderApi.Client.Pipeline;

/// <summary>
/// Adds the bearer token. On a 401 it gets a fresh token once (bypassing the cache) and sends once more:
/// a token revoked or rotated early is the one 401 a client can recover from by itself.
/// </summary>
internal sealed partial class BearerTokenHandler(TokenCache tokens, ILogger logger) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var target = await ErrorAnswer.ReadTargetAsync(response, cancellationToken).ConfigureAwait(false);
        LogRefreshing(logger, request.Method, request.RequestUri, target);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Uri} answered 401 Unauthorized (target {Target}); retrying once with a fresh token")]
    private static partial void LogRefreshing(ILogger logger, HttpMethod method, Uri? uri, string? target);
}
