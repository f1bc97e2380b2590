using Azure.Core;

namespace DefenderApi.Client.Pipeline;

/// <summary>Caches the access token until five minutes before it expires.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never creates a wait handle; the cache lives as long as its client or DI container.")]
internal sealed class TokenCache(TokenCredential credential, string scope, TimeProvider timeProvider)
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // A reference, so readers outside the gate never see half of an update.
    private volatile CachedToken? _token;

    /// <summary>A token valid for at least <see cref="RefreshMargin"/>; <paramref name="forceRefresh"/> bypasses the cache.</summary>
    public async ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var cached = _token;
        if (!forceRefresh && IsFresh(cached))
        {
            return cached!.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited; a forced refresh still fetches its own.
            if (forceRefresh || !IsFresh(_token))
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
                _token = new CachedToken(token.Token, token.ExpiresOn);
            }

            return _token!.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(CachedToken? token) => token is not null && timeProvider.GetUtcNow() < token.ExpiresOn - RefreshMargin;

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresOn);
}
