using System.Net;
using Microsoft.Extensions.Logging;

namespace DefenderApi.Client.Pipeline;

/// <summary>Repeats requests per <see cref="RetryPolicy"/>, waiting through the <see cref="TimeProvider"/>, logging every decision.</summary>
internal sealed partial class RetryHandler(RetryPolicy policy, TimeProvider timeProvider, ILogger logger) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = request.IsIdempotent();
        for (var retry = 1; ; retry++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception fault) when (retry <= policy.Options.MaxRetries && RetryPolicy.IsRetriable(fault, idempotent, cancellationToken))
            {
                var wait = policy.DelayFor(retry, null) ?? TimeSpan.Zero;
                LogTransportRetry(logger, request.Method, request.RequestUri, fault.GetType().Name, retry, policy.Options.MaxRetries, wait);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var target = await ErrorAnswer.ReadTargetAsync(response, cancellationToken).ConfigureAwait(false);
            if (!RetryPolicy.IsRetriable(response.StatusCode, idempotent))
            {
                LogNotRetried(logger, request.Method, request.RequestUri, (int)response.StatusCode, target, idempotent);
                return response;
            }

            if (retry > policy.Options.MaxRetries)
            {
                LogGaveUp(logger, request.Method, request.RequestUri, (int)response.StatusCode, target, policy.Options.MaxRetries);
                return response;
            }

            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfterHeader.Read(response, timeProvider) : null;
            if (policy.DelayFor(retry, retryAfter) is not { } delay)
            {
                LogWaitTooLong(logger, request.Method, request.RequestUri, (int)response.StatusCode, target, retryAfter!.Value, policy.Options.MaxRetryAfter);
                return response;
            }

            LogRetry(logger, request.Method, request.RequestUri, (int)response.StatusCode, target, retry, policy.Options.MaxRetries, delay);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "{Method} {Uri} answered {Status} (target {Target}) asking to wait {RetryAfter}, longer than MaxRetryAfter {MaxRetryAfter}; not retried")]
    private static partial void LogWaitTooLong(ILogger logger, HttpMethod method, Uri? uri, int status, string? target, TimeSpan retryAfter, TimeSpan maxRetryAfter);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "{Method} {Uri} answered {Status} (target {Target}); retry {Retry} of {MaxRetries} in {Delay}")]
    private static partial void LogRetry(ILogger logger, HttpMethod method, Uri? uri, int status, string? target, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "{Method} {Uri} failed in transport ({Fault}); retry {Retry} of {MaxRetries} in {Delay}")]
    private static partial void LogTransportRetry(ILogger logger, HttpMethod method, Uri? uri, string fault, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information,
        Message = "{Method} {Uri} answered {Status} (target {Target}); not retried (idempotent: {Idempotent})")]
    private static partial void LogNotRetried(ILogger logger, HttpMethod method, Uri? uri, int status, string? target, bool idempotent);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning,
        Message = "{Method} {Uri} answered {Status} (target {Target}); giving up after {MaxRetries} retries")]
    private static partial void LogGaveUp(ILogger logger, HttpMethod method, Uri? uri, int status, string? target, int maxRetries);
}
