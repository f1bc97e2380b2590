using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>Issues access tokens shaped like the v1 tokens Entra ID issues for the MDE API.</summary>
internal sealed class TokenIssuer(SigningKeyStore keys, TimeProvider time)
{
    /// <summary>Token lifetime: one hour, as Entra (<c>expires_in</c> 3599).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The issuer Entra writes into MDE tokens for a tenant.</summary>
    /// <returns>The <c>iss</c> value.</returns>
    public static string IssuerFor(Guid tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>A stable object id for an application's service principal (the <c>oid</c> of app tokens).</summary>
    /// <param name="clientId">The application.</param>
    /// <returns>The object id.</returns>
    public static Guid ServicePrincipalId(Guid tenantId, string clientId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}/{clientId}")).AsSpan(0, 16));

    /// <summary>Issues an application (client credentials) token.</summary>
    /// <param name="clientId">The application.</param>
    /// <param name="audience">The MDE resource.</param>
    /// <param name="roles">The application's roles.</param>
    /// <returns>The signed JWT.</returns>
    public string IssueAppToken(Guid tenantId, string clientId, string audience, IReadOnlyCollection<string> roles)
    {
        var oid = ServicePrincipalId(tenantId, clientId).ToString();
        var claims = new Dictionary<string, object>
        {
            ["appid"] = clientId,
            ["appidacr"] = "1",
            ["idp"] = IssuerFor(tenantId),
            ["oid"] = oid,
            ["sub"] = oid,
            ["tid"] = tenantId.ToString(),
            ["ver"] = "1.0",
        };
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        return Issue(tenantId, audience, claims);
    }

    /// <summary>Issues a delegated (user) token: <c>scp</c>, <c>oid</c>, <c>upn</c>, <c>name</c>, no <c>roles</c>.</summary>
    /// <param name="clientId">The application the user signed in to.</param>
    /// <param name="audience">The MDE resource.</param>
    /// <param name="user">The user.</param>
    /// <param name="scopes">The consented delegated permissions.</param>
    /// <param name="clientAuthenticated">Whether the app authenticated with its secret (<c>appidacr</c> 1) or is public (0).</param>
    /// <returns>The signed JWT.</returns>
    public string IssueUserToken(
        Guid tenantId, string clientId, string audience, Tenancy.EmulatorUser user, IReadOnlyCollection<string> scopes, bool clientAuthenticated)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scopes);
        var claims = new Dictionary<string, object>
        {
            ["acr"] = "1",
            ["amr"] = new[] { "pwd" },
            ["appid"] = clientId,
            ["appidacr"] = clientAuthenticated ? "1" : "0",
            ["name"] = user.DisplayName,
            ["oid"] = user.ObjectId.ToString(),
            ["scp"] = string.Join(' ', scopes),
            ["sub"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.ObjectId}/{clientId}"))),
            ["tid"] = tenantId.ToString(),
            ["unique_name"] = user.Upn,
            ["upn"] = user.Upn,
            ["ver"] = "1.0",
        };
        return Issue(tenantId, audience, claims);
    }

    /// <summary>Signs a token with the standard time and issuer claims added.</summary>
    /// <param name="audience">The MDE resource.</param>
    /// <param name="claims">The other claims.</param>
    /// <returns>The signed JWT.</returns>
    public string Issue(Guid tenantId, string audience, IDictionary<string, object> claims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerFor(tenantId),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = keys.Credentials,
        });
    }
}
