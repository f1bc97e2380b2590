using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// Configures the real JwtBearer handler: RS256 with the emulator's key, MDE audiences, an issuer per known tenant,
/// lifetimes on <see cref="TimeProvider"/>, and every failure answered as 401 <c>Unauthorized</c> by the error writer.
/// </summary>
internal sealed class ConfigureJwtBearer(SigningKeyStore keys, ValidatedTokens validated, TenantDirectory tenants, TimeProvider time, IOptions<AuthOptions> auth)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        var skew = auth.Value.ClockSkew;
        options.MapInboundClaims = false;
        options.TimeProvider = time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            ValidAudiences = MdeResources.All,
            ValidateIssuer = true,
            IssuerValidator = (issuer, token, _) => ValidateIssuer(issuer, token),
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) => ValidateLifetime(notBefore, expires, skew),
            ClockSkew = skew,
            NameClaimType = "oid",
            RoleClaimType = "roles",
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = validated.UseRememberedAsync,
            OnTokenValidated = validated.RememberAsync,
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[typeof(UnauthorizedReason)] = UnauthorizedReason.From(context.Exception, ValidatedTokens.BearerToken(context.Request));
                return Task.CompletedTask;
            },
            OnChallenge = UnauthorizedReason.WriteChallengeAsync,
        };
    }

    private string ValidateIssuer(string issuer, SecurityToken token)
    {
        var tenant = (token as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)?.TryGetPayloadValue<string>("tid", out var tid) == true ? tid : null;
        if (!Guid.TryParse(tenant, out var tenantId) || !tenants.Contains(tenantId))
        {
            throw new UnknownTenantException($"the token's tenant '{tenant}' is not known to this service");
        }

        if (!string.Equals(issuer, TokenIssuer.IssuerFor(tenantId), StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException($"the token's issuer '{issuer}' is not valid") { InvalidIssuer = issuer };
        }

        return issuer;
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("the token has no expiration time");
        }

        if (notBefore is { } nbf && nbf > now + skew)
        {
            throw new SecurityTokenNotYetValidException("the token is not valid yet") { NotBefore = nbf };
        }

        if (expires.Value < now - skew)
        {
            throw new SecurityTokenExpiredException("the token has expired") { Expires = expires.Value };
        }

        return true;
    }
}

/// <summary>The token names a tenant the emulator does not have.</summary>
internal sealed class UnknownTenantException(string message) : SecurityTokenInvalidIssuerException(message);
