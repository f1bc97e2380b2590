using System.Text.Json;
using System.Text.Json.Serialization;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// Tenants and their feature switches (see docs/admin.md): <c>POST /_emulator/tenants</c>,
/// <c>GET</c>/<c>PUT /_emulator/tenants/{tenantId}/features</c>.
/// </summary>
internal static class TenantAdminEndpoints
{
    /// <summary>Maps the tenant calls on the admin group.</summary>
    /// <returns>The admin group.</returns>
    public static RouteGroupBuilder MapTenantAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/tenants", CreateTenant);
        admin.MapGet("/tenants", ListTenants);
        admin.MapGet("/tenants/{tenantId}/features", GetFeatures);
        admin.MapPut("/tenants/{tenantId}/features", UpdateFeatures);
        return admin;
    }

    private static async Task<Created<TenantView>> CreateTenant(
        JsonBody<TenantCreationRequest> body, TenantDirectory tenants, TenantProvisioner provisioner, IOptions<EmulatorOptions> options, CancellationToken cancellationToken)
    {
        var request = body.Value;
        if (!Guid.TryParse(request.TenantId, out var tenantId))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{request.TenantId}' for tenantId; expected a GUID"));
        }

        var seed = request.Seed ?? options.Value.Seed;
        if (seed is not ("demo" or "none"))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{seed}' for seed; allowed values: none, demo"));
        }

        var features = FeatureSwitches.Parse(request.Features);
        if (tenants.Contains(tenantId))
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"Tenant {tenantId} already exists"));
        }

        await provisioner.ProvisionAsync(tenantId, seed, features, cancellationToken);
        return TypedResults.Created($"/_emulator/tenants/{tenantId}", new TenantView(tenantId, seed, FeatureSwitches.Resolve(features)));
    }

    /// <summary>Every tenant with its seed, feature switches and registered apps (never their secrets), oldest first.</summary>
    private static async Task<Ok<List<TenantSummary>>> ListTenants(TenantDirectory tenants, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var known = tenants.All;
        var records = await db.Tenants.Where(t => known.Contains(t.Id)).ToListAsync(cancellationToken);
        var apps = await db.Apps.IgnoreQueryFilters().Where(a => known.Contains(a.TenantId))
            .Select(a => new { a.TenantId, a.ClientId, a.Roles }).ToListAsync(cancellationToken);
        return TypedResults.Ok(records
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new TenantSummary(
                t.Id,
                t.Seed,
                FeatureSwitches.Resolve(t.Features),
                [.. apps.Where(a => a.TenantId == t.Id).OrderBy(a => a.ClientId, StringComparer.Ordinal).Select(a => new AppSummary(a.ClientId, a.Roles))]))
            .ToList());
    }

    private static async Task<Ok<IReadOnlyDictionary<string, bool>>> GetFeatures(
        string tenantId, TenantDirectory tenants, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var id = tenants.Require(tenantId);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == id, cancellationToken);
        return TypedResults.Ok(FeatureSwitches.Resolve(tenant.Features));
    }

    private static async Task<Ok<IReadOnlyDictionary<string, bool>>> UpdateFeatures(
        string tenantId, JsonBody<Dictionary<string, JsonElement>> body, TenantDirectory tenants, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var id = tenants.Require(tenantId);
        var changes = FeatureSwitches.Parse(body.Value);
        var tenant = await db.Tenants.AsTracking().FirstAsync(t => t.Id == id, cancellationToken);
        var features = new Dictionary<string, bool>(tenant.Features);
        foreach (var (name, on) in changes)
        {
            features[name] = on;
        }

        tenant.Features = features;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FeatureSwitches.Resolve(tenant.Features));
    }
}

/// <summary>The body of <c>POST /_emulator/tenants</c>.</summary>
internal sealed record TenantCreationRequest
{
    /// <summary>The new tenant's id (a GUID).</summary>
    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    /// <summary><c>none</c> or <c>demo</c>; absent means the emulator's <c>--seed</c>.</summary>
    [JsonPropertyName("seed")]
    public string? Seed { get; init; }

    /// <summary>Feature switches by name; absent ones keep their default.</summary>
    [JsonPropertyName("features")]
    public Dictionary<string, JsonElement>? Features { get; init; }
}

/// <summary>A created tenant.</summary>
/// <param name="TenantId">The tenant id.</param>
/// <param name="Seed">The seed it was created with.</param>
/// <param name="Features">Every feature switch.</param>
internal sealed record TenantView(
    [property: JsonPropertyName("tenantId")] Guid TenantId,
    [property: JsonPropertyName("seed")] string Seed,
    [property: JsonPropertyName("features")] IReadOnlyDictionary<string, bool> Features);

/// <summary>A tenant as <c>GET /_emulator/tenants</c> lists it.</summary>
/// <param name="TenantId">The tenant id.</param>
/// <param name="Seed">The seed it was created with.</param>
/// <param name="Features">Every feature switch.</param>
/// <param name="Apps">Its registered applications.</param>
internal sealed record TenantSummary(
    [property: JsonPropertyName("tenantId")] Guid TenantId,
    [property: JsonPropertyName("seed")] string Seed,
    [property: JsonPropertyName("features")] IReadOnlyDictionary<string, bool> Features,
    [property: JsonPropertyName("apps")] IReadOnlyList<AppSummary> Apps);

/// <summary>A registered application, without its secret.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="Roles">Its application roles.</param>
internal sealed record AppSummary(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);
