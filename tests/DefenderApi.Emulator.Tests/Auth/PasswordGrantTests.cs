using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>The resource-owner password grant: user tokens with <c>scp</c>, <c>oid</c>, <c>upn</c>, <c>name</c> and no <c>roles</c>, and Entra's errors.</summary>
public sealed class PasswordGrantTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private const string Password = "Pa55word!";

    private async Task<string> NewUserAsync()
    {
        var upn = $"analyst-{Guid.NewGuid():N}@contoso.com";
        await factory.RegisterUserAsync(upn, Password);
        return upn;
    }

    [Fact]
    public async Task PasswordGrant_ReturnsAUserTokenWithScpOidUpnNameAndNoRoles()
    {
        var upn = await NewUserAsync();
        var clientId = $"native-{Guid.NewGuid():N}";
        await factory.RegisterDelegatedAppAsync(clientId, ["Machine.Read", "Alert.ReadWrite"]);

        var jwt = new JsonWebToken(await factory.GetUserTokenAsync(upn.ToUpperInvariant(), Password, clientId));

        Assert.Equal("Machine.Read Alert.ReadWrite", jwt.GetClaim("scp").Value);
        Assert.Equal(upn, jwt.GetClaim("upn").Value);
        Assert.Equal(upn.Split('@')[0], jwt.GetClaim("name").Value);
        Assert.True(Guid.TryParse(jwt.GetClaim("oid").Value, out _));
        Assert.Equal(clientId, jwt.GetClaim("appid").Value);
        Assert.Equal("0", jwt.GetClaim("appidacr").Value);
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "roles");
        Assert.Equal([ProtectedApiFactory.ApiResource], jwt.Audiences);
    }

    [Fact]
    public async Task DefaultApp_IsConsentedForEveryDelegatedPermission()
    {
        var jwt = new JsonWebToken(await factory.GetUserTokenAsync(await NewUserAsync(), Password));

        Assert.Contains("Machine.Isolate", jwt.GetClaim("scp").Value.Split(' '));
        Assert.Contains("Ti.ReadWrite", jwt.GetClaim("scp").Value.Split(' '));
    }

    [Fact]
    public async Task NamedScopes_AreIssuedAsAsked()
    {
        using var response = await factory.RequestUserTokenAsync(
            await NewUserAsync(), Password, scope: "openid profile https://api.securitycenter.microsoft.com/Machine.Read offline_access");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Machine.Read", new JsonWebToken(json.RootElement.GetProperty("access_token").GetString()).GetClaim("scp").Value);
    }

    [Fact]
    public async Task V1PasswordGrant_WithResource_ReturnsAUserToken()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.PostAsync("/00000000-0000-0000-0000-000000000001/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "defender-emulator", ["username"] = await NewUserAsync(), ["password"] = Password,
            ["resource"] = "https://api.securitycenter.microsoft.com",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongPassword_Returns400_AADSTS50126()
    {
        using var response = await factory.RequestUserTokenAsync(await NewUserAsync(), "wrong");

        await EntraAssert.IsErrorAsync(response, 400, "invalid_grant", 50126);
    }

    [Fact]
    public async Task UnknownUser_Returns400_AADSTS50034()
    {
        using var response = await factory.RequestUserTokenAsync("nobody@contoso.com", Password);

        await EntraAssert.IsErrorAsync(response, 400, "invalid_grant", 50034);
    }

    [Fact]
    public async Task ScopeTheAppIsNotConsentedFor_Returns400_AADSTS65001()
    {
        var clientId = $"native-{Guid.NewGuid():N}";
        await factory.RegisterDelegatedAppAsync(clientId, ["Alert.Read"]);

        using var response = await factory.RequestUserTokenAsync(
            await NewUserAsync(), Password, clientId, "https://api.securitycenter.microsoft.com/Machine.Isolate");

        await EntraAssert.IsErrorAsync(response, 400, "invalid_grant", 65001);
    }

    [Fact]
    public async Task MissingUsername_Returns400_AADSTS900144()
    {
        using var response = await factory.RequestUserTokenAsync(string.Empty, Password);

        await EntraAssert.IsErrorAsync(response, 400, "invalid_request", 900144);
    }

    [Fact]
    public async Task WrongClientSecret_OnAPasswordGrant_Returns401_AADSTS7000215()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.PostAsync("/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "defender-emulator", ["client_secret"] = "wrong", ["username"] = await NewUserAsync(),
            ["password"] = Password, ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));

        await EntraAssert.IsErrorAsync(response, 401, "invalid_client", 7000215);
    }
}
