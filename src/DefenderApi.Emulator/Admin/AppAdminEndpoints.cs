using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Binding;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Admin;

/// <summary><c>POST /_emulator/tenants/{tenantId}/apps</c>: register an application with a secret and roles.</summary>
internal static class AppAdminEndpoints
{
    /// <summary>Maps the app registration call on the admin group.</summary>
    public static RouteHandlerBuilder MapAppAdmin(this RouteGroupBuilder admin) =>
        admin.MapPost("/tenants/{tenantId}/apps", RegisterApp);

    private static async Task<Created<AppRegistrationView>> RegisterApp(
        string tenantId, JsonBody<AppRegistrationRequest> body, TenantDirectory tenants, TenantContext tenant, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var id = tenants.Require(tenantId);
        var request = body.Value;
        if (string.IsNullOrWhiteSpace(request.ClientId))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput("'' for clientId; expected a non-empty client id"));
        }

        tenant.TenantId = id;
        var app = await db.Apps.AsTracking().FirstOrDefaultAsync(a => a.ClientId == request.ClientId, cancellationToken);
        if (app is null)
        {
            app = new AppRegistration { TenantId = id, ClientId = request.ClientId };
            db.Apps.Add(app);
        }

        app.ClientSecret = request.ClientSecret;
        app.Roles = [.. request.Roles ?? []];
        app.DelegatedScopes = [.. request.DelegatedScopes ?? ApiPermissions.AllDelegated];
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/_emulator/tenants/{id}/apps/{app.ClientId}", new AppRegistrationView(id, app.ClientId, app.Roles, app.DelegatedScopes));
    }
}

/// <summary>The body of an app registration.</summary>
internal sealed record AppRegistrationRequest
{
    /// <summary>The client id.</summary>
    [JsonPropertyName("clientId")]
    public required string ClientId { get; init; }

    /// <summary>The client secret.</summary>
    [JsonPropertyName("clientSecret")]
    public required string ClientSecret { get; init; }

    /// <summary>Application roles; any name is accepted.</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Delegated permissions the app is consented for; absent means every delegated permission.</summary>
    [JsonPropertyName("delegatedScopes")]
    public IReadOnlyList<string>? DelegatedScopes { get; init; }
}

/// <summary>A registered app, without its secret.</summary>
internal sealed record AppRegistrationView(Guid TenantId, string ClientId, IReadOnlyList<string> Roles, IReadOnlyList<string> DelegatedScopes);
