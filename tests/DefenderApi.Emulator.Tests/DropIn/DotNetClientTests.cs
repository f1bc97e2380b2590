using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using DefenderApi.Client;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>
/// .NET clients with unchanged code that names only Microsoft's default hosts (their default authority, the default
/// API endpoint), given only what <c>HTTPS_PROXY</c> and trust in the emulator's root give them: a proxy and a chain
/// check against that root.
/// </summary>
public sealed class DotNetClientTests(DropInFactory emulator) : IClassFixture<DropInFactory>
{
    private static readonly string[] Scopes = ["https://api.securitycenter.microsoft.com/.default"];

    [Fact]
    public async Task AzureIdentity_WithItsDefaultAuthority_AndTheDefenderClientOnItsDefaultEndpoint_ReachTheEmulator()
    {
        await emulator.LoadMachinesAsync();
        var credential = new ClientSecretCredential(
            DefaultTenant.TenantId.ToString(),
            DefaultTenant.ClientId,
            DefaultTenant.ClientSecret,
            new ClientSecretCredentialOptions { Transport = new HttpClientTransport(emulator.CreateProxiedHandler()) });
        var client = new DefenderClient(DefenderEndpoints.Default, credential, new DefenderClientOptions { Transport = emulator.CreateProxiedHandler() });

        var machine = await client.GetMachineAsync(TestMachines.Linux);

        Assert.Equal("lnx-01.contoso.com", machine.ComputerDnsName);
        var journal = await emulator.JournalAsync();
        Assert.Contains($"\"path\":\"/{DefaultTenant.TenantId}/oauth2/v2.0/token\"", journal, StringComparison.Ordinal);
        Assert.Contains($"\"path\":\"/api/machines/{TestMachines.Linux}\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msal_ConfidentialClient_WithTheDefaultAuthority_AndInstanceDiscoveryOn_GetsATokenTheApiAccepts()
    {
        await emulator.StartAsync();
        var app = ConfidentialClientApplicationBuilder.Create(DefaultTenant.ClientId)
            .WithClientSecret(DefaultTenant.ClientSecret)
            .WithTenantId(DefaultTenant.TenantId.ToString())
            .WithInstanceDiscovery(true)
            .WithHttpClientFactory(new ProxiedHttpClientFactory(emulator))
            .Build();

        var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync();

        using var api = new HttpClient(emulator.CreateProxiedHandler());
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.AccessToken);
        using var response = await api.GetAsync("https://api.securitycenter.microsoft.com/api/indicators");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Msal_WithAnAuthorityOnANon443Port_AndInstanceDiscoveryOn_GetsAToken()
    {
        await emulator.StartAsync();
        var authority = $"https://localhost:{emulator.HttpsUri.Port}/{DefaultTenant.TenantId}";
        var app = ConfidentialClientApplicationBuilder.Create(DefaultTenant.ClientId)
            .WithClientSecret(DefaultTenant.ClientSecret)
            .WithAuthority(authority)
            .WithInstanceDiscovery(true)
            .WithHttpClientFactory(new DirectHttpClientFactory(emulator))
            .Build();

        var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync();

        Assert.False(string.IsNullOrEmpty(result.AccessToken));
    }

    [Fact]
    public async Task InstanceDiscovery_AskedWithoutThePort_AnswersWithTheHostAndPortItWasReachedOn()
    {
        await emulator.StartAsync();
        using var client = new HttpClient(emulator.CreateDirectHandler());
        var port = emulator.HttpsUri.Port;

        using var answer = JsonDocument.Parse(await client.GetStringAsync(
            $"https://localhost:{port}/common/discovery/instance?api-version=1.1&authorization_endpoint=https://localhost/{DefaultTenant.TenantId}/oauth2/v2.0/authorize"));

        Assert.Equal($"https://localhost:{port}/{DefaultTenant.TenantId}/v2.0/.well-known/openid-configuration", answer.RootElement.GetProperty("tenant_discovery_endpoint").GetString());
        var metadata = answer.RootElement.GetProperty("metadata")[0];
        Assert.Equal($"localhost:{port}", metadata.GetProperty("preferred_network").GetString());
        Assert.Contains("localhost", metadata.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task HostsFileMode_ServesEachMicrosoftNameWithItsOwnCertificate_AndDocumentsNameThatHost()
    {
        await emulator.StartAsync();
        using var client = new HttpClient(emulator.CreateHostsFileHandler());

        using var metadata = JsonDocument.Parse(await client.GetStringAsync($"https://login.windows.net/{DefaultTenant.TenantId}/.well-known/openid-configuration"));
        using var regional = await client.GetAsync("https://eu.api.security.microsoft.com/api/machines");

        Assert.Equal($"https://login.windows.net/{DefaultTenant.TenantId}/oauth2/token", metadata.RootElement.GetProperty("token_endpoint").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, regional.StatusCode);
    }

    [Fact]
    public async Task HostsFileMode_ForANameTheEmulatorDoesNotServe_FailsTheHandshake()
    {
        await emulator.StartAsync();
        using var client = new HttpClient(emulator.CreateHostsFileHandler());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("https://www.example.com/"));

        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
    }

    private sealed class ProxiedHttpClientFactory(DropInFactory emulator) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => new(emulator.CreateProxiedHandler());
    }

    private sealed class DirectHttpClientFactory(DropInFactory emulator) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => new(emulator.CreateDirectHandler());
    }
}
