using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// A user of a tenant who can get delegated tokens (resource-owner password grant), with the MDE portal roles and
/// device groups that decide what those tokens may see and do.
/// </summary>
internal sealed class EmulatorUser : ITenantOwned
{
    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>The user principal name (sign-in name), stored lower-case: Entra matches it case-insensitively.</summary>
    public string Upn { get; set; } = string.Empty;

    /// <summary>The password.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The user's object id (the <c>oid</c> of its tokens).</summary>
    public Guid ObjectId { get; set; }

    /// <summary>The display name (the <c>name</c> claim).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>MDE portal roles (<see cref="PortalRoles"/> names).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Whether the user sees every device group.</summary>
    public bool AllDeviceGroups { get; set; } = true;

    /// <summary>The device groups (<c>rbacGroupId</c> values) the user sees when <see cref="AllDeviceGroups"/> is off.</summary>
    public List<string> DeviceGroupIds { get; set; } = [];

    /// <summary>What the user may see.</summary>
    public DeviceGroupScope DeviceGroups => AllDeviceGroups ? DeviceGroupScope.Everything : DeviceGroupScope.Only(DeviceGroupIds);
}

internal sealed class EmulatorUserConfiguration : IEntityTypeConfiguration<EmulatorUser>
{
    public void Configure(EntityTypeBuilder<EmulatorUser> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => new { u.TenantId, u.Upn });
        builder.HasIndex(u => new { u.TenantId, u.ObjectId }).IsUnique();
        builder.Ignore(u => u.DeviceGroups);
    }
}
