using Azure.Core;
using DefenderApi.Client;

namespace DefenderApi.Testing.Tests;

public sealed class TokenRefreshTests(EmptyEmulatorFixture fixture) : IClassFixture<EmptyEmulatorFixture>
{
    [Fact]
    public async Task RevokedToken_IsAnswered401ByTheEmulator_AndTheClientRetriesOnceWithAFreshToken()
    {
        var credential = new FirstTokenRevoked(fixture.Emulator.Credential);
        var client = fixture.Emulator.CreateClient(credential);

        var result = await client.RunAdvancedQueryAsync("DeviceInfo | take 1", TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Schema);
        Assert.Equal(2, credential.Calls);
        var answers = fixture.Emulator.Journal.Requests(HttpMethod.Post, "/api/advancedqueries/run").TakeLast(2);
        Assert.Equal([401, 200], answers.Select(e => e.Status));
    }

    /// <summary>Hands out a token the emulator rejects first (as after a key rotation), real tokens after.</summary>
    private sealed class FirstTokenRevoked(TokenCredential inner) : TokenCredential
    {
        public int Calls { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            var token = await inner.GetTokenAsync(requestContext, cancellationToken);
            return Calls == 1 ? new AccessToken(token.Token[..^4] + "AAAA", token.ExpiresOn) : token;
        }
    }
}
