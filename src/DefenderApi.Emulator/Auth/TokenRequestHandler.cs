using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// Validates a token request and answers with a token or an Entra error: client credentials (application tokens
/// with <c>roles</c>) and the resource-owner password grant (user tokens with <c>scp</c>).
/// </summary>
internal sealed class TokenRequestHandler(TenantDirectory tenants, EmulatorDbContext db, TenantContext tenantContext, TokenIssuer issuer, TimeProvider time)
{
    /// <summary>Handles a token request.</summary>
    /// <param name="tenant">The tenant path segment.</param>
    /// <param name="resourceOf">Reads the requested MDE resource (and scopes) from the form.</param>
    /// <param name="invalidResource">The error for an unknown resource.</param>
    public async Task HandleAsync(
        HttpContext context,
        string tenant,
        Func<IFormCollection, RequestedResource?> resourceOf,
        Func<IFormCollection, EntraError> invalidResource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resourceOf);
        ArgumentNullException.ThrowIfNull(invalidResource);
        // A malformed form reads as an empty one: Entra answers it by the first parameter it misses.
        var form = context.Request.HasFormContentType
            ? (await FormBody.TryReadAsync(context.Request, context.RequestAborted)).Form ?? FormCollection.Empty
            : FormCollection.Empty;
        var (token, error) = await TryIssueAsync(tenant, form, resourceOf, invalidResource, context.RequestAborted);
        if (error is not null)
        {
            await error.WriteAsync(context, time);
            return;
        }

        var seconds = (int)TokenIssuer.Lifetime.TotalSeconds;
        await context.Response.WriteAsJsonAsync(
            new TokenResponse("Bearer", seconds, seconds, token!), AuthJsonContext.Default.TokenResponse, cancellationToken: context.RequestAborted);
    }

    private async Task<(string? Token, EntraError? Error)> TryIssueAsync(
        string tenant,
        IFormCollection form,
        Func<IFormCollection, RequestedResource?> resourceOf,
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

        if (grantType is not ("client_credentials" or "password"))
        {
            return (null, EntraError.UnsupportedGrant(grantType));
        }

        string? clientId = form["client_id"];
        if (string.IsNullOrEmpty(clientId))
        {
            return (null, EntraError.MissingParameter("client_id"));
        }

        tenantContext.TenantId = tenantId;
        var app = await FindAppAsync(db, clientId, cancellationToken);
        if (app is null)
        {
            return (null, EntraError.UnknownClient(clientId, tenant));
        }

        // Password grants may come from public clients (no secret), as in the MDE native-app sample.
        string? secret = form["client_secret"];
        if (grantType == "client_credentials" && string.IsNullOrEmpty(secret))
        {
            return (null, EntraError.MissingClientSecret());
        }

        if (secret is not null && !string.Equals(app.ClientSecret, secret, StringComparison.Ordinal))
        {
            return (null, EntraError.InvalidSecret(clientId));
        }

        if (resourceOf(form) is not { } requested)
        {
            return (null, invalidResource(form));
        }

        return grantType == "password"
            ? await IssueUserTokenAsync(tenantId, tenant, app, requested, form, secret is not null, cancellationToken)
            : IssueAppToken(tenantId, app, requested, form);
    }

    private (string?, EntraError?) IssueAppToken(Guid tenantId, AppRegistration app, RequestedResource requested, IFormCollection form) =>
        requested.Scopes is null
            ? (issuer.IssueAppToken(tenantId, app.ClientId, requested.Resource, app.Roles), null)
            : (null, EntraError.ClientCredentialsNeedDefaultScope(form["scope"]));

    private async Task<(string?, EntraError?)> IssueUserTokenAsync(
        Guid tenantId, string tenant, AppRegistration app, RequestedResource requested, IFormCollection form, bool clientAuthenticated, CancellationToken cancellationToken)
    {
        string? username = form["username"];
        string? password = form["password"];
        if (string.IsNullOrEmpty(username))
        {
            return (null, EntraError.MissingParameter("username"));
        }

        if (string.IsNullOrEmpty(password))
        {
            return (null, EntraError.MissingParameter("password"));
        }

        var upn = username.Trim().ToLowerInvariant();
        var user = await db.Set<EmulatorUser>().FirstOrDefaultAsync(u => u.Upn == upn, cancellationToken);
        if (user is null)
        {
            return (null, EntraError.UnknownUser(username, tenant));
        }

        if (!string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            return (null, EntraError.InvalidCredentials());
        }

        var consented = (requested.Scopes ?? app.DelegatedScopes)
            .Select(scope => app.DelegatedScopes.FirstOrDefault(c => string.Equals(c, scope, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (consented.Count == 0 || consented.Contains(null))
        {
            return (null, EntraError.ConsentRequired(app.ClientId));
        }

        var scopes = consented.OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        return (issuer.IssueUserToken(tenantId, app.ClientId, requested.Resource, user, scopes, clientAuthenticated), null);
    }

    /// <summary>
    /// The context's tenant's application with a client id. One query shape for token requests and the warm-up after
    /// start (<see cref="Hosting.StartupService"/>), so that EF Core's query cache already holds it for the first token.
    /// </summary>
    /// <param name="db">A context whose tenant is set.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    public static Task<AppRegistration?> FindAppAsync(EmulatorDbContext db, string clientId, CancellationToken cancellationToken) =>
        db.Apps.FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
}
