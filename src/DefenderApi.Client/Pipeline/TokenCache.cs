using Azure.Core;

namespace DefenderApi.Client.Pipeline;

/// <summary>Caches the access token until five minutes before it expires.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never creates a wait handle; the cache lives as long as its client or DI container.")]
internal sealed class TokenCache(TokenCredential credential, string scope, TimeProvider timeProvider)
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    /// <summary>A token valid for at least <see cref="RefreshMargin"/>; <paramref name="forceRefresh"/> bypasses the cache.</summary>
    public async ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && IsFresh(_token))
        {
            return _token!.Value.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (forceRefresh || !IsFresh(_token))
            {
                _token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            }

            return _token!.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(AccessToken? token) => token is { } t && timeProvider.GetUtcNow() < t.ExpiresOn - RefreshMargin;
}
