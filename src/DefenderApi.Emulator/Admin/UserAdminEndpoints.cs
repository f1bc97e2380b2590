using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// <c>POST /_emulator/tenants/{tenantId}/users</c>: create or replace a user who can get delegated tokens, with MDE
/// portal roles and device groups.
/// </summary>
internal static class UserAdminEndpoints
{
    /// <summary>Maps the user registration call on the admin group.</summary>
    public static RouteHandlerBuilder MapUserAdmin(this RouteGroupBuilder admin) =>
        admin.MapPost("/tenants/{tenantId}/users", RegisterUser);

    private static async Task<Created<UserView>> RegisterUser(
        string tenantId, JsonBody<UserRegistrationRequest> body, TenantDirectory tenants, TenantContext tenant, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var id = tenants.Require(tenantId);
        var request = body.Value;
        var upn = request.Upn.Trim().ToLowerInvariant();
        if (upn.Length == 0 || !upn.Contains('@', StringComparison.Ordinal))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{request.Upn}' for upn; expected a user principal name such as analyst@contoso.com"));
        }

        if (request.Password.Length == 0)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput("'' for password; expected a non-empty password"));
        }

        var roles = ParseRoles(request.Roles);
        var (allGroups, groupIds) = ParseDeviceGroups(request.DeviceGroups);

        tenant.TenantId = id;
        var user = await db.Set<EmulatorUser>().AsTracking().FirstOrDefaultAsync(u => u.Upn == upn, cancellationToken);
        if (user is null)
        {
            user = new EmulatorUser { TenantId = id, Upn = upn, ObjectId = StableObjectId(id, upn) };
            db.Add(user);
        }

        user.Password = request.Password;
        user.DisplayName = request.DisplayName ?? upn.Split('@')[0];
        user.Roles = roles;
        user.AllDeviceGroups = allGroups;
        user.DeviceGroupIds = groupIds;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/_emulator/tenants/{id}/users/{upn}", UserView.From(user));
    }

    private static List<string> ParseRoles(IReadOnlyList<string>? roles) =>
        roles is null
            ? [.. PortalRoles.All]
            : [.. roles.Select(role => PortalRoles.Find(role) ?? throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{role}' for roles; known portal roles: {string.Join(", ", PortalRoles.All)}"))).Distinct()];

    private static (bool All, List<string> GroupIds) ParseDeviceGroups(JsonElement? deviceGroups)
    {
        switch (deviceGroups)
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return (true, []);
            case { ValueKind: JsonValueKind.String } all when string.Equals(all.GetString(), "all", StringComparison.OrdinalIgnoreCase):
                return (true, []);
            case { ValueKind: JsonValueKind.Array } list:
                return (false, [.. list.EnumerateArray().Select(GroupId).Distinct(StringComparer.Ordinal)]);
            default:
                throw new DefenderErrorException(DefenderErrors.InvalidInput(
                    $"{deviceGroups.Value.GetRawText()} for deviceGroups; expected \"all\" or an array of rbacGroupId values"));
        }
    }

    // rbacGroupId is documented as a string but the examples show numbers: accept both, store the text.
    private static string GroupId(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String when item.GetString() is { Length: > 0 } text => text,
        JsonValueKind.Number when item.TryGetInt64(out var number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new DefenderErrorException(DefenderErrors.InvalidInput($"{item.GetRawText()} for deviceGroups; expected rbacGroupId values")),
    };

    // The same user in the same tenant keeps its oid across resets and re-registration.
    private static Guid StableObjectId(Guid tenantId, string upn) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"user/{tenantId}/{upn}")).AsSpan(0, 16));
}

/// <summary>The body of a user registration.</summary>
internal sealed record UserRegistrationRequest
{
    /// <summary>The user principal name, e.g. <c>analyst@contoso.com</c> (matched case-insensitively at sign-in).</summary>
    [JsonPropertyName("upn")]
    public required string Upn { get; init; }

    /// <summary>The password for the resource-owner password grant.</summary>
    [JsonPropertyName("password")]
    public required string Password { get; init; }

    /// <summary>The display name (<c>name</c> claim); defaults to the UPN's local part.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>MDE portal roles (<see cref="PortalRoles"/>); absent means all of them.</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary><c>"all"</c> (the default) or an array of <c>rbacGroupId</c> values.</summary>
    [JsonPropertyName("deviceGroups")]
    public JsonElement? DeviceGroups { get; init; }
}

/// <summary>A registered user, without the password.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Upn">The user principal name.</param>
/// <param name="ObjectId">The <c>oid</c> of the user's tokens.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Roles">The portal roles.</param>
/// <param name="DeviceGroups"><c>"all"</c> or the visible <c>rbacGroupId</c> values.</param>
internal sealed record UserView(
    [property: JsonPropertyName("tenantId")] Guid TenantId,
    [property: JsonPropertyName("upn")] string Upn,
    [property: JsonPropertyName("objectId")] Guid ObjectId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("deviceGroups")] object DeviceGroups)
{
    /// <summary>The view of a user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The view.</returns>
    public static UserView From(EmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.TenantId, user.Upn, user.ObjectId, user.DisplayName, user.Roles, user.AllDeviceGroups ? "all" : user.DeviceGroupIds);
    }
}
