using System.Net;
using System.Net.Http.Headers;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>
/// A validated token is remembered (ValidatedTokens) so that later requests skip its parsing and signature check;
/// what can change while it lives must still be checked on every request.
/// </summary>
public sealed class RememberedTokenTests(RememberedTokenTests.OwnClockFactory factory) : IClassFixture<RememberedTokenTests.OwnClockFactory>
{
    /// <summary>Its own fake clock, since these tests move it.</summary>
    public sealed class OwnClockFactory : ProtectedApiFactory;

    private async Task<HttpResponseMessage> CallAsync(string token)
    {
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(ProtectedProbeEndpoints.ReadPath);
    }

    [Fact]
    public async Task ATokenAlreadyAccepted_PastItsHourAndTheClockSkew_Returns401_Expired()
    {
        var token = await factory.GetTokenAsync();
        using (var accepted = await CallAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        factory.Clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        using var response = await CallAsync(token);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized (the token has expired).");
    }

    [Fact]
    public async Task ATokenAlreadyAccepted_AfterASnapshotWithoutItsTenantIsRestored_Returns401_UnknownTenant()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using (var saved = await admin.PostAsync("/_emulator/snapshots/before-extra-tenant", null))
        {
            saved.EnsureSuccessStatusCode();
        }

        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant);
        await factory.RegisterAppAsync("extra-tenant-app", "extra-secret", ["Machine.Read.All"], tenant);
        var token = await factory.GetTokenAsync("extra-tenant-app", "extra-secret", tenant);
        using (var accepted = await CallAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var restored = await admin.PostAsync("/_emulator/snapshots/before-extra-tenant/restore", null))
        {
            restored.EnsureSuccessStatusCode();
        }

        using var response = await CallAsync(token);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized",
            $"Unauthorized (the token's tenant '{tenant}' is not known to this service).");
    }

    [Fact]
    public async Task MoreDistinctTokensThanTheBound_KeepTheRememberedSetWithinIt_AndEveryTokenStillWorks()
    {
        for (var i = 0; i < ValidatedTokens.Capacity + 50; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            using var response = await CallAsync(await factory.GetTokenAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(factory.Services.GetRequiredService<ValidatedTokens>().Count, 1, ValidatedTokens.Capacity);
    }
}
