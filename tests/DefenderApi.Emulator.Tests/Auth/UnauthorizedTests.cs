using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>Every cause of 401: the envelope names the cause and the answer carries <c>WWW-Authenticate: Bearer</c>.</summary>
public sealed class UnauthorizedTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private async Task<HttpResponseMessage> CallAsync(AuthenticationHeaderValue? authorization)
    {
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = authorization;
        return await client.GetAsync(ProtectedProbeEndpoints.ReadPath);
    }

    private Task<HttpResponseMessage> CallWithTokenAsync(string token) => CallAsync(new AuthenticationHeaderValue("Bearer", token));

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string reason)
    {
        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", $"Unauthorized ({reason}).");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAuthorizationHeader_Returns401_HeaderMissing()
    {
        using var response = await CallAsync(null);

        await AssertUnauthorizedAsync(response, "the Authorization header is missing");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(
            """{"error":{"code":"Unauthorized","message":"Unauthorized (the Authorization header is missing).","target":"<target>"}}""",
            await ErrorAssert.GoldenAsync(response));
    }

    [Fact]
    public async Task BasicScheme_Returns401_MustUseBearer()
    {
        using var response = await CallAsync(new AuthenticationHeaderValue("Basic", "ZGVmZW5kZXI6c2VjcmV0"));

        await AssertUnauthorizedAsync(response, "the Authorization header must use the Bearer scheme");
    }

    [Fact]
    public async Task BearerWithoutAToken_Returns401_TokenMissing()
    {
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer");

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await AssertUnauthorizedAsync(response, "the Bearer token is missing");
    }

    [Fact]
    public async Task MalformedToken_Returns401_Malformed()
    {
        using var response = await CallWithTokenAsync("not-a-jwt");

        await AssertUnauthorizedAsync(response, "the token is malformed");
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_Returns401_SignatureInvalid()
    {
        using var otherKey = RSA.Create(2048);

        using var response = await CallWithTokenAsync(factory.CraftToken(signingKey: new RsaSecurityKey(otherKey) { KeyId = "other" }));

        await AssertUnauthorizedAsync(response, "the token's signature is invalid");
    }

    [Fact]
    public async Task UnsignedAlgNoneToken_Returns401_Unsigned()
    {
        using var response = await CallWithTokenAsync(factory.CraftToken(d => d.SigningCredentials = null));

        await AssertUnauthorizedAsync(response, "the token is not signed");
    }

    [Fact]
    public async Task TokenPastItsHourAndTheClockSkew_Returns401_Expired()
    {
        var token = await factory.GetTokenAsync();
        factory.Clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));

        using var response = await CallWithTokenAsync(token);

        await AssertUnauthorizedAsync(response, "the token has expired");
    }

    [Fact]
    public async Task TokenPastItsHourButWithinTheClockSkew_IsAccepted()
    {
        var token = await factory.GetTokenAsync();
        factory.Clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromMinutes(4));

        using var response = await CallWithTokenAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenNotValidYet_Returns401_NotYetValid()
    {
        var later = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);

        using var response = await CallWithTokenAsync(factory.CraftToken(d => (d.NotBefore, d.IssuedAt, d.Expires) = (later, later, later.AddHours(1))));

        await AssertUnauthorizedAsync(response, "the token is not valid yet");
    }

    [Fact]
    public async Task TokenForAnotherAudience_Returns401_WrongAudience()
    {
        using var response = await CallWithTokenAsync(factory.CraftToken(d => d.Audience = "https://graph.microsoft.com"));

        await AssertUnauthorizedAsync(response, "the token's audience is not this API");
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_Returns401_WrongIssuer()
    {
        using var response = await CallWithTokenAsync(factory.CraftToken(d => d.Issuer = "https://login.example.com/"));

        await AssertUnauthorizedAsync(response, "the token's issuer is not valid");
    }

    [Fact]
    public async Task TokenOfAnUnknownTenant_Returns401_UnknownTenant()
    {
        var tenant = Guid.NewGuid();

        using var response = await CallWithTokenAsync(factory.CraftToken(d =>
        {
            d.Issuer = TokenIssuer.IssuerFor(tenant);
            d.Claims["tid"] = tenant.ToString();
        }));

        await AssertUnauthorizedAsync(response, $"the token's tenant '{tenant}' is not known to this service");
    }
}
