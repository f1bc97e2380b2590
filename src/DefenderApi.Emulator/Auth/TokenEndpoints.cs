using Microsoft.AspNetCore.Mvc;

namespace DefenderApi.Emulator.Auth;

/// <summary>The Entra-shaped token service: v1 and v2 token endpoints, OpenID metadata and JWKS (see docs/auth.md).</summary>
internal static class TokenEndpoints
{
    /// <summary>Maps the token service under <c>/{tenantId}/</c>.</summary>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTokenService(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/{tenantId}").WithTags("Token service").ExcludeFromDescription();
        group.MapPost("/oauth2/v2.0/token", IssueV2).DisableAntiforgery();
        group.MapPost("/oauth2/token", IssueV1).DisableAntiforgery();
        group.MapGet("/discovery/v2.0/keys", Keys);
        group.MapGet("/discovery/keys", Keys);
        group.MapGet("/v2.0/.well-known/openid-configuration", OpenIdConfiguration);
        group.MapGet("/.well-known/openid-configuration", OpenIdConfigurationV1);
        group.MapGet("/discovery/instance", InstanceDiscovery);
        return group;
    }

    private static Task IssueV2(string tenantId, HttpContext context, TokenRequestHandler handler) =>
        handler.HandleAsync(context, tenantId, form => MdeResources.ParseScope(form["scope"]), form => EntraError.InvalidScope(form["scope"]));

    private static Task IssueV1(string tenantId, HttpContext context, TokenRequestHandler handler) =>
        handler.HandleAsync(
            context,
            tenantId,
            form => MdeResources.FromResource(form["resource"]) is { } resource ? new RequestedResource(resource, null) : null,
            form => EntraError.InvalidResource(form["resource"], tenantId));

    private static IResult Keys(SigningKeyStore keys) => Results.Json(new
    {
        keys = new[]
        {
            new { kty = "RSA", use = "sig", kid = keys.KeyId, n = keys.Modulus, e = keys.Exponent, alg = "RS256" },
        },
    });

    // MSAL asks this (on /common) before using an authority it does not know, unless instance discovery is off. An
    // authority on the host the request came in on is answered with that host and its port: MSAL for Python sends
    // authorization_endpoint without the port, and an answer without it sends the next call to 443. Another host is
    // answered as asked. The scheme is https whatever the request's: MSAL accepts no other authority (an in-process
    // test host answers plain HTTP behind an https authority).
    private static IResult InstanceDiscovery(HttpContext context, [FromQuery(Name = "authorization_endpoint")] string? authorizationEndpoint)
    {
        var reached = context.Request.Host.HasValue ? context.Request.Host.Value! : "localhost";
        var requested = Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var uri) ? uri : null;
        var host = requested is null || string.Equals(requested.Host, context.Request.Host.Host, StringComparison.OrdinalIgnoreCase)
            ? reached
            : requested.Authority;
        var tenant = requested?.Segments.Skip(1).FirstOrDefault()?.TrimEnd('/') ?? "common";
        var aliases = new[] { host, requested?.Authority, requested?.Host }
            .OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = $"https://{host}/{tenant}/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new Dictionary<string, object> { ["preferred_network"] = host, ["preferred_cache"] = host, ["aliases"] = aliases } },
        });
    }

    private static IResult OpenIdConfigurationV1(string tenantId, HttpContext context)
    {
        var root = $"{context.Request.Scheme}://{context.Request.Host}/{tenantId}";
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = $"{root}/oauth2/token",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["jwks_uri"] = $"{root}/discovery/keys",
            ["issuer"] = Guid.TryParse(tenantId, out var id) ? TokenIssuer.IssuerFor(id) : $"https://sts.windows.net/{tenantId}/",
            ["authorization_endpoint"] = $"{root}/oauth2/authorize",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "token id_token", "token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }

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
