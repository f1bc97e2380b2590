using System.Net;
using System.Net.Http.Headers;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>The tolerated clock skew comes from <c>Emulator:Auth:ClockSkew</c>.</summary>
public sealed class ClockSkewTests(ClockSkewTests.NoSkewFactory factory) : IClassFixture<ClockSkewTests.NoSkewFactory>
{
    public sealed class NoSkewFactory : ProtectedApiFactory
    {
        public NoSkewFactory() => Settings["Emulator:Auth:ClockSkew"] = "00:00:00";
    }

    [Fact]
    public async Task WithoutSkew_ATokenOneSecondPastItsExpiry_Returns401_Expired()
    {
        var token = await factory.GetTokenAsync();
        factory.Clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromSeconds(1));
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized (the token has expired).");
    }
}
