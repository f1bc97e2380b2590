using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// The emulator on a fake clock with the <see cref="ProtectedProbeEndpoints"/>, plus helpers for users, tenants,
/// user tokens and hand-made tokens signed with the emulator's own key.
/// </summary>
public class ProtectedApiFactory : EmulatorFactory
{
    public const string ApiResource = "https://api.securitycenter.microsoft.com";

    public ProtectedApiFactory() => UseFakeTime = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ProtectedProbeEndpoints>());
    }

    /// <summary>Registers a user through the admin API.</summary>
    public async Task RegisterUserAsync(string upn, string password, IReadOnlyList<string>? roles = null, object? deviceGroups = null, Guid? tenantId = null)
    {
        using var client = await CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync(
            $"/_emulator/tenants/{tenantId ?? DefaultTenant.TenantId}/users", new { upn, password, roles, deviceGroups });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Registers an app with delegated scopes (and no roles) through the admin API.</summary>
    public async Task RegisterDelegatedAppAsync(string clientId, IReadOnlyList<string> delegatedScopes, Guid? tenantId = null)
    {
        using var client = await CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync(
            $"/_emulator/tenants/{tenantId ?? DefaultTenant.TenantId}/apps", new { clientId, clientSecret = "secret", roles = Array.Empty<string>(), delegatedScopes });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates a tenant through the admin API.</summary>
    public async Task CreateTenantAsync(Guid tenantId, object? features = null)
    {
        using var client = await CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync("/_emulator/tenants", new { tenantId = tenantId.ToString(), seed = "none", features });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts a password grant to the v2 token endpoint and returns the raw answer.</summary>
    public async Task<HttpResponseMessage> RequestUserTokenAsync(
        string username, string password, string clientId = DefaultTenant.ClientId, string scope = ApiResource + "/.default", Guid? tenantId = null)
    {
        using var client = await CreateReadyClientAsync();
        return await client.PostAsync($"/{tenantId ?? DefaultTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = username,
            ["password"] = password,
            ["scope"] = scope,
        }));
    }

    /// <summary>A user token from the password grant.</summary>
    public async Task<string> GetUserTokenAsync(string username, string password, string clientId = DefaultTenant.ClientId, Guid? tenantId = null)
    {
        using var response = await RequestUserTokenAsync(username, password, clientId, tenantId: tenantId);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A ready client carrying <paramref name="token"/>.</summary>
    public async Task<HttpClient> CreateClientWithTokenAsync(string token)
    {
        var client = await CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token like the emulator's app tokens, with claims or header overridden, signed by <paramref name="signingKey"/> (default: the emulator's key).</summary>
    public string CraftToken(Action<SecurityTokenDescriptor>? change = null, SecurityKey? signingKey = null)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.IssuerFor(DefaultTenant.TenantId),
            Audience = ApiResource,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenIssuer.Lifetime,
            Claims = new Dictionary<string, object>
            {
                ["appid"] = DefaultTenant.ClientId,
                ["tid"] = DefaultTenant.TenantId.ToString(),
                ["roles"] = new[] { "Machine.Read.All" },
                ["ver"] = "1.0",
            },
            SigningCredentials = new SigningCredentials(signingKey ?? Services.GetRequiredService<SigningKeyStore>().Key, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
