using System.Text.Json;
using Azure.Core;

namespace DefenderApi.Testing;

/// <summary>
/// A <see cref="TokenCredential"/> that gets real tokens from the emulator's v2 token endpoint
/// (client credentials), exactly as <c>ClientSecretCredential</c> gets them from Entra ID.
/// </summary>
public sealed class EmulatorTokenCredential : TokenCredential
{
    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the credential.</summary>
    /// <param name="http">A client addressed at the emulator's root.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="clientId">The application.</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="timeProvider">The clock that stamps the token's expiry (the emulator's clock).</param>
    public EmulatorTokenCredential(HttpClient http, Guid tenantId, string clientId, string clientSecret, TimeProvider? timeProvider = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        TenantId = tenantId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; }

    /// <summary>The application.</summary>
    public string ClientId { get; }

    /// <summary>The application's secret.</summary>
    public string ClientSecret { get; }

    /// <summary>How many tokens this credential has fetched (a test can check the client's token cache with it).</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = string.Join(' ', requestContext.Scopes),
        });
        using var response = await _http.PostAsync(new Uri($"/{TenantId}/oauth2/v2.0/token", UriKind.Relative), form, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The emulator refused a token for {ClientId} in {TenantId}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var expiresIn = json.RootElement.GetProperty("expires_in").GetInt32();
        Interlocked.Increment(ref _tokensIssued);
        return new AccessToken(token, _timeProvider.GetUtcNow().AddSeconds(expiresIn));
    }
}
