using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Persistence;

/// <summary>An application registered in a tenant, with its client secret and application roles.</summary>
internal sealed class AppRegistration : ITenantOwned
{
    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>The client id (the <c>appid</c> of its tokens).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Application permissions (the <c>roles</c> claim). Any name is accepted.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Delegated permissions the app is consented for (the <c>scp</c> of its users' tokens).</summary>
    public List<string> DelegatedScopes { get; set; } = [];
}

internal sealed class AppRegistrationConfiguration : IEntityTypeConfiguration<AppRegistration>
{
    public void Configure(EntityTypeBuilder<AppRegistration> builder)
    {
        builder.ToTable("Apps");
        builder.HasKey(a => new { a.TenantId, a.ClientId });
    }
}
