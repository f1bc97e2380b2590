using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Throttling;

/// <summary>Delegated (user) tokens are counted per user of the app.</summary>
public sealed class DelegatedRateLimitTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    private const string Password = "P@ssw0rd!";

    [Fact]
    public async Task TwoUsersOfOneApp_AreCountedSeparately()
    {
        using var alice = await UserClientAsync();
        using var bob = await UserClientAsync();
        await RateLimitTests.CallAsync(alice, ProbeApi.TightPath, times: 2);
        using var refused = await alice.GetAsync(ProbeApi.TightPath);

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests");
        await RateLimitTests.CallAsync(bob, ProbeApi.TightPath, times: 2);
    }

    private async Task<HttpClient> UserClientAsync()
    {
        var upn = $"analyst-{Guid.NewGuid():N}@contoso.com";
        await factory.RegisterUserAsync(upn, Password);
        return await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(upn, Password));
    }
}
