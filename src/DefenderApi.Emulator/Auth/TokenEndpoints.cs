using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Auth;

/// <summary>The Entra-shaped token service: v1 and v2 token endpoints, OpenID metadata and JWKS (contract §3).</summary>
public static class TokenEndpoints
{
    /// <summary>Maps the token service under <c>/{tenantId}/</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTokenService(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/{tenantId}").WithTags("Token service").ExcludeFromDescription();
        group.MapPost("/oauth2/v2.0/token", IssueV2).DisableAntiforgery();
        group.MapPost("/oauth2/token", IssueV1).DisableAntiforgery();
        group.MapGet("/discovery/v2.0/keys", Keys);
        group.MapGet("/discovery/keys", Keys);
        group.MapGet("/v2.0/.well-known/openid-configuration", OpenIdConfiguration);
        group.MapGet("/.well-known/openid-configuration", OpenIdConfiguration);
        return group;
    }

    private static Task IssueV2(string tenantId, HttpContext context, TokenRequestHandler handler) =>
        handler.HandleAsync(context, tenantId, form => MdeResources.FromScope(form["scope"]), form => EntraError.InvalidScope(form["scope"]));

    private static Task IssueV1(string tenantId, HttpContext context, TokenRequestHandler handler) =>
        handler.HandleAsync(context, tenantId, form => MdeResources.FromResource(form["resource"]), form => EntraError.InvalidResource(form["resource"], tenantId));

    private static IResult Keys(SigningKeyStore keys) => Results.Json(new
    {
        keys = new[]
        {
            new { kty = "RSA", use = "sig", kid = keys.KeyId, n = keys.Modulus, e = keys.Exponent, alg = "RS256" },
        },
    });

    private static IResult OpenIdConfiguration(string tenantId, HttpContext context)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}/{tenantId}";
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["issuer"] = $"{root}/v2.0",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["device_authorization_endpoint"] = $"{root}/oauth2/v2.0/devicecode",
            ["end_session_endpoint"] = $"{root}/oauth2/v2.0/logout",
            ["grant_types_supported"] = new[] { "client_credentials", "password" },
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }
}

/// <summary>Validates a token request and answers with a token or an Entra error.</summary>
public sealed class TokenRequestHandler(TenantDirectory tenants, EmulatorDbContext db, TenantContext tenantContext, TokenIssuer issuer, TimeProvider time)
{
    /// <summary>Handles a client-credentials request.</summary>
    /// <param name="context">The exchange.</param>
    /// <param name="tenant">The tenant path segment.</param>
    /// <param name="resourceOf">Reads the requested MDE resource from the form.</param>
    /// <param name="invalidResource">The error for an unknown resource.</param>
    /// <returns>A task.</returns>
    public async Task HandleAsync(
        HttpContext context,
        string tenant,
        Func<IFormCollection, string?> resourceOf,
        Func<IFormCollection, EntraError> invalidResource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resourceOf);
        ArgumentNullException.ThrowIfNull(invalidResource);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var (result, error) = await TryIssueAsync(tenant, form, resourceOf, invalidResource, context.RequestAborted);
        if (error is not null)
        {
            await error.WriteAsync(context, time);
            return;
        }

        await context.Response.WriteAsJsonAsync(result!, AuthJsonContext.Default.TokenResponse, cancellationToken: context.RequestAborted);
    }

    private async Task<(TokenResponse? Token, EntraError? Error)> TryIssueAsync(
        string tenant,
        IFormCollection form,
        Func<IFormCollection, string?> resourceOf,
        Func<IFormCollection, EntraError> invalidResource,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(tenant, out var tenantId) || !tenants.Contains(tenantId))
        {
            return (null, EntraError.UnknownTenant(tenant));
        }

        string? grantType = form["grant_type"];
        if (string.IsNullOrEmpty(grantType))
        {
            return (null, EntraError.MissingParameter("grant_type"));
        }

        if (grantType != "client_credentials")
        {
            return (null, EntraError.UnsupportedGrant(grantType));
        }

        string? clientId = form["client_id"];
        if (string.IsNullOrEmpty(clientId))
        {
            return (null, EntraError.MissingParameter("client_id"));
        }

        tenantContext.TenantId = tenantId;
        var app = await db.Apps.FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
        if (app is null)
        {
            return (null, EntraError.UnknownClient(clientId, tenant));
        }

        if (!string.Equals(app.ClientSecret, form["client_secret"], StringComparison.Ordinal))
        {
            return (null, EntraError.InvalidSecret(clientId));
        }

        if (resourceOf(form) is not { } audience)
        {
            return (null, invalidResource(form));
        }

        var token = issuer.IssueAppToken(tenantId, clientId, audience, app.Roles);
        var seconds = (int)TokenIssuer.Lifetime.TotalSeconds;
        return (new TokenResponse("Bearer", seconds, seconds, token), null);
    }
}
