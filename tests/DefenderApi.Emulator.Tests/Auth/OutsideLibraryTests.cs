using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>
/// The unchanged client libraries get tokens from the emulator and call the API with only their authority pointed
/// at it (the transport goes to the in-process server).
/// </summary>
public sealed class OutsideLibraryTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private static readonly string[] Scopes = ["https://api.securitycenter.microsoft.com/.default"];

    private async Task<HttpStatusCode> CallApiAsync(string accessToken)
    {
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);
        return response.StatusCode;
    }

    private ClientSecretCredential AzureIdentityCredential(string secret) => new(
        DefaultTenant.TenantId.ToString(),
        DefaultTenant.ClientId,
        secret,
        new ClientSecretCredentialOptions
        {
            AuthorityHost = new Uri("https://localhost/"),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(factory.Server.CreateHandler()),
            Retry = { MaxRetries = 0 },
        });

    // MSAL keeps instance discovery answers in a process-wide cache keyed by host, and other test classes in this
    // process discover "localhost" too; the discovery test therefore uses a host of its own, or MSAL may never ask.
    private IConfidentialClientApplication MsalApplication(string secret, bool instanceDiscovery = false, string host = "localhost") =>
        ConfidentialClientApplicationBuilder.Create(DefaultTenant.ClientId)
            .WithClientSecret(secret)
            .WithAuthority($"https://{host}/{DefaultTenant.TenantId}")
            .WithInstanceDiscovery(instanceDiscovery)
            .WithHttpClientFactory(new TestServerHttpClientFactory(factory))
            .Build();

    [Fact]
    public async Task AzureIdentity_ClientSecretCredential_GetsATokenThatTheApiAccepts()
    {
        await factory.CreateReadyClientAsync();

        var token = await AzureIdentityCredential(DefaultTenant.ClientSecret).GetTokenAsync(new TokenRequestContext(Scopes), CancellationToken.None);

        Assert.True(token.ExpiresOn > factory.Clock.GetUtcNow().AddMinutes(50));
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(token.Token));
    }

    [Fact]
    public async Task AzureIdentity_WrongSecret_ThrowsAuthenticationFailed_WithTheAadstsCode()
    {
        await factory.CreateReadyClientAsync();

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(async () =>
            await AzureIdentityCredential("wrong").GetTokenAsync(new TokenRequestContext(Scopes), CancellationToken.None));

        var inner = Assert.IsType<MsalServiceException>(error.InnerException);
        Assert.Equal("invalid_client", inner.ErrorCode);
        Assert.Contains("AADSTS7000215", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msal_ConfidentialClient_GetsATokenThatTheApiAccepts()
    {
        await factory.CreateReadyClientAsync();

        var result = await MsalApplication(DefaultTenant.ClientSecret).AcquireTokenForClient(Scopes).ExecuteAsync();

        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(result.AccessToken));
    }

    [Fact]
    public async Task Msal_WithInstanceDiscovery_UsesTheEmulatorsDiscoveryEndpoint()
    {
        await factory.CreateReadyClientAsync();

        var host = $"login-{Guid.NewGuid():N}.test";

        var result = await MsalApplication(DefaultTenant.ClientSecret, instanceDiscovery: true, host).AcquireTokenForClient(Scopes).ExecuteAsync();

        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(result.AccessToken));
        using var admin = await factory.CreateReadyClientAsync();
        var journal = await admin.GetStringAsync("/_emulator/journal?path=/discovery/instance&limit=1000");
        Assert.Contains(host, journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msal_WrongSecret_ThrowsMsalServiceException_InvalidClient()
    {
        await factory.CreateReadyClientAsync();

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => MsalApplication("wrong").AcquireTokenForClient(Scopes).ExecuteAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
    }

    private sealed class TestServerHttpClientFactory(ProtectedApiFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => new(factory.Server.CreateHandler());
    }
}
