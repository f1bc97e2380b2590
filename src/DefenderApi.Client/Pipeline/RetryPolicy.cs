using System.Net;

namespace DefenderApi.Client.Pipeline;

/// <summary>
/// Which answers are retried (see docs/client.md): 429 always, because a throttled request was not executed;
/// 500/502/503/504 and transport faults only for idempotent requests, because the first attempt may have taken
/// effect; everything else (400, 401, 403, 404 ...) never.
/// </summary>
internal sealed class RetryPolicy(DefenderRetryOptions options)
{
    /// <summary>The retry settings.</summary>
    public DefenderRetryOptions Options { get; } = options;

    /// <summary>Whether an answer with <paramref name="status"/> is retried for a request of this idempotency.</summary>
    public static bool IsRetriable(HttpStatusCode status, bool idempotent) => status switch
    {
        HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => idempotent,
        _ => false,
    };

    /// <summary>Whether a transport fault is retried: connection failures, broken streams and timeouts, for idempotent requests.</summary>
    public static bool IsRetriable(Exception exception, bool idempotent, CancellationToken callerToken) => idempotent && exception switch
    {
        HttpRequestException or IOException => true,
        TaskCanceledException or OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): the server's <c>Retry-After</c>, or
    /// exponential backoff with ±20 % jitter when there is none. <see langword="null"/> when the server asks for a
    /// longer wait than <see cref="DefenderRetryOptions.MaxRetryAfter"/>: a retry before the window ends would only be
    /// throttled again and spend another call of the quota, so the answer surfaces at once.
    /// </summary>
    public TimeSpan? DelayFor(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > Options.MaxRetryAfter ? null : asked;
        }

        var exponential = Options.Delay.TotalMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, Options.MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter spreads retries of many clients; it needs no cryptographic randomness.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(capped * jitter, Options.MaxDelay.TotalMilliseconds));
    }
}
