using Azure.Core;

namespace DefenderApi.Client.Tests.Infrastructure;

/// <summary>Hands out tokens <c>token-1</c>, <c>token-2</c> … valid for <see cref="Lifetime"/> from the clock's now.</summary>
internal sealed class StubCredential(TimeProvider clock, string prefix = "token") : TokenCredential
{
    public int Calls { get; private set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Calls++;
        Scopes.Add(requestContext.Scopes);
        return new AccessToken($"{prefix}-{Calls}", clock.GetUtcNow() + Lifetime);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
