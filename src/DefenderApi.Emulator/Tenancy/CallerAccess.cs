using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// What the caller of this request may see and do beyond its token's permissions (scoped; inject it in handlers).
/// Application tokens see every device group and hold every portal role. Delegated (user) tokens get the MDE portal
/// roles and device groups of their user, read from the store on first use, so admin changes apply to the next call.
/// Lists filter by <see cref="GetDeviceGroupsAsync"/>; actions on one device call <see cref="DemandDeviceGroupAsync"/>.
/// </summary>
internal sealed class CallerAccess(IHttpContextAccessor http, EmulatorDbContext db)
{
    private EmulatorUser? _user;
    private bool _loaded;

    /// <summary>The caller, or <see langword="null"/> outside an authenticated API request.</summary>
    public CallerIdentity? Identity => http.HttpContext is { } context ? CallerIdentity.From(context.User) : null;

    /// <summary>Whether the caller is a user (delegated token) rather than an application.</summary>
    public bool IsDelegated => Identity?.UserId is not null;

    /// <summary>
    /// Who to record as the requestor of an action: the user's UPN for delegated tokens, the client id for apps.
    /// </summary>
    public string Requestor => http.HttpContext?.User.FindFirst("upn")?.Value ?? Identity?.ClientId ?? string.Empty;

    /// <summary>The device groups the caller sees.</summary>
    /// <returns>Every group for apps; the user's groups (none if the user was removed) for delegated tokens.</returns>
    public async Task<DeviceGroupScope> GetDeviceGroupsAsync(CancellationToken cancellationToken)
    {
        if (!IsDelegated)
        {
            return DeviceGroupScope.Everything;
        }

        return (await LoadUserAsync(cancellationToken))?.DeviceGroups ?? DeviceGroupScope.Only([]);
    }

    /// <summary>Whether the caller sees a device group.</summary>
    /// <param name="rbacGroupId">The device's <c>rbacGroupId</c>.</param>
    /// <returns><see langword="true"/> when visible.</returns>
    public async Task<bool> CanSeeDeviceGroupAsync(string? rbacGroupId, CancellationToken cancellationToken) =>
        (await GetDeviceGroupsAsync(cancellationToken)).Includes(rbacGroupId);

    /// <summary>Whether the caller holds a portal role (always for application tokens).</summary>
    /// <param name="role">A <see cref="PortalRoles"/> name.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public async Task<bool> HasPortalRoleAsync(string role, CancellationToken cancellationToken) =>
        !IsDelegated || (await LoadUserAsync(cancellationToken))?.Roles.Contains(role, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>Refuses the call with 403 <c>Forbidden</c> unless the caller holds <paramref name="role"/>.</summary>
    /// <param name="role">A <see cref="PortalRoles"/> name.</param>
    /// <exception cref="DefenderErrorException">403 <c>Forbidden</c> naming the role.</exception>
    public async Task DemandPortalRoleAsync(string role, CancellationToken cancellationToken)
    {
        if (!await HasPortalRoleAsync(role, cancellationToken))
        {
            throw new DefenderErrorException(DefenderErrors.Forbidden($"the user does not have the '{role}' role in Microsoft Defender for Endpoint"));
        }
    }

    /// <summary>Refuses the call with 403 <c>Forbidden</c> unless the caller sees the device group.</summary>
    /// <param name="rbacGroupId">The device's <c>rbacGroupId</c>.</param>
    /// <exception cref="DefenderErrorException">403 <c>Forbidden</c> naming the device group.</exception>
    public async Task DemandDeviceGroupAsync(string? rbacGroupId, CancellationToken cancellationToken)
    {
        if (!await CanSeeDeviceGroupAsync(rbacGroupId, cancellationToken))
        {
            throw new DefenderErrorException(DefenderErrors.Forbidden($"the user has no access to device group '{rbacGroupId}'"));
        }
    }

    private async Task<EmulatorUser?> LoadUserAsync(CancellationToken cancellationToken)
    {
        if (!_loaded && Guid.TryParse(Identity?.UserId, out var objectId))
        {
            _user = await db.Set<EmulatorUser>().FirstOrDefaultAsync(u => u.ObjectId == objectId, cancellationToken);
            _loaded = true;
        }

        return _user;
    }
}
