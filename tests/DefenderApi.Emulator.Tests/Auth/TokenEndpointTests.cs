using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DefenderApi.Emulator.Tests.Auth;

public sealed class TokenEndpointTests : IClassFixture<EmulatorFactory>
{
    private const string Tenant = "00000000-0000-0000-0000-000000000001";
    private readonly EmulatorFactory _factory;

    public TokenEndpointTests(EmulatorFactory factory) => _factory = factory;

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form)
    {
        using var client = await _factory.CreateReadyClientAsync();
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> V2(string secret = "emulator-secret", string clientId = "defender-emulator", string scope = "https://api.securitycenter.microsoft.com/.default") =>
        new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope };

    [Theory]
    [InlineData("https://api.securitycenter.microsoft.com/.default", "https://api.securitycenter.microsoft.com")]
    [InlineData("https://api.security.microsoft.com/.default", "https://api.security.microsoft.com")]
    [InlineData("https://securitycenter.onmicrosoft.com/windowsatpservice/.default", "https://securitycenter.onmicrosoft.com/windowsatpservice")]
    public async Task V2ClientCredentials_ReturnsAnRs256TokenShapedLikeEntra(string scope, string audience)
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", V2(scope: scope));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3599, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(3599, json.RootElement.GetProperty("ext_expires_in").GetInt32());
        var jwt = new JsonWebToken(json.RootElement.GetProperty("access_token").GetString());
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal($"https://sts.windows.net/{Tenant}/", jwt.Issuer);
        Assert.Equal([audience], jwt.Audiences);
        Assert.Equal(Tenant, jwt.GetClaim("tid").Value);
        Assert.Equal("defender-emulator", jwt.GetClaim("appid").Value);
        Assert.Contains(jwt.Claims, c => c.Type == "roles" && c.Value == "Machine.Isolate");
        Assert.Equal(TimeSpan.FromSeconds(3599), jwt.ValidTo - jwt.ValidFrom);
    }

    [Fact]
    public async Task V1Resource_ReturnsAToken()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "defender-emulator", ["client_secret"] = "emulator-secret",
            ["resource"] = "https://api.securitycenter.microsoft.com",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-secret", "defender-emulator", "https://api.securitycenter.microsoft.com/.default", 401, "invalid_client", 7000215)]
    [InlineData("emulator-secret", "nobody", "https://api.securitycenter.microsoft.com/.default", 400, "unauthorized_client", 700016)]
    [InlineData("emulator-secret", "defender-emulator", "https://graph.microsoft.com/.default", 400, "invalid_scope", 70011)]
    public async Task V2Failures_UseEntrasErrorShapeAndCode(string secret, string clientId, string scope, int status, string error, int code)
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", V2(secret, clientId, scope));

        await AssertEntraErrorAsync(response, status, error, code);
    }

    [Fact]
    public async Task UnknownTenant_Returns400_AADSTS90002()
    {
        using var response = await PostAsync($"/{Guid.NewGuid()}/oauth2/v2.0/token", V2());

        await AssertEntraErrorAsync(response, 400, "invalid_request", 90002);
    }

    [Fact]
    public async Task UnknownV1Resource_Returns400_AADSTS500011()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "defender-emulator", ["client_secret"] = "emulator-secret",
            ["resource"] = "https://management.azure.com",
        });

        await AssertEntraErrorAsync(response, 400, "invalid_resource", 500011);
    }

    [Fact]
    public async Task UnsupportedGrantType_Returns400_AADSTS70003()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", new() { ["grant_type"] = "authorization_code", ["client_id"] = "defender-emulator" });

        await AssertEntraErrorAsync(response, 400, "unsupported_grant_type", 70003);
    }

    [Fact]
    public async Task Jwks_PublishesTheSigningKey()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/{Tenant}/discovery/v2.0/keys"));
        var key = json.RootElement.GetProperty("keys")[0];

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task InstanceDiscovery_AnswersLikeEntra_ForTheAuthorityAsked()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync(
            $"/common/discovery/instance?api-version=1.1&authorization_endpoint=https://localhost/{Tenant}/oauth2/v2.0/authorize"));

        Assert.Equal($"https://localhost/{Tenant}/v2.0/.well-known/openid-configuration", json.RootElement.GetProperty("tenant_discovery_endpoint").GetString());
        Assert.Equal("localhost", json.RootElement.GetProperty("metadata")[0].GetProperty("aliases")[0].GetString());
    }

    [Theory]
    [InlineData("v2.0/.well-known/openid-configuration", "/oauth2/v2.0/token", "/discovery/v2.0/keys")]
    [InlineData(".well-known/openid-configuration", "/oauth2/token", "/discovery/keys")]
    public async Task OpenIdMetadata_PointsAtTheEmulatorsOwnEndpoints(string path, string tokenPath, string keysPath)
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/{Tenant}/{path}"));

        Assert.Equal($"http://localhost/{Tenant}{tokenPath}", json.RootElement.GetProperty("token_endpoint").GetString());
        Assert.Equal($"http://localhost/{Tenant}{keysPath}", json.RootElement.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WithNamedScopes_Returns400_AADSTS1002012()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", V2(scope: "https://api.securitycenter.microsoft.com/Machine.Read"));

        await AssertEntraErrorAsync(response, 400, "invalid_scope", 1002012);
    }

    [Fact]
    public async Task ClientCredentialsWithoutASecret_Returns401_AADSTS7000218()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "defender-emulator", ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        });

        await AssertEntraErrorAsync(response, 401, "invalid_client", 7000218);
    }

    [Fact]
    public async Task MissingGrantType_Returns400_AADSTS900144()
    {
        using var response = await PostAsync($"/{Tenant}/oauth2/v2.0/token", new() { ["client_id"] = "defender-emulator" });

        await AssertEntraErrorAsync(response, 400, "invalid_request", 900144);
    }

    private static Task AssertEntraErrorAsync(HttpResponseMessage response, int status, string error, int code) =>
        EntraAssert.IsErrorAsync(response, status, error, code);
}
