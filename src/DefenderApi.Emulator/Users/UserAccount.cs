using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Users;

/// <summary>A user, as the examples of <see href="https://learn.microsoft.com/defender-endpoint/api/get-alert-related-user-info">Get alert related user information</see> show it.</summary>
internal sealed class UserAccount : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary><c>domain\user</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Account name (what <c>/api/users/{id}</c> takes).</summary>
    public string AccountName { get; set; } = string.Empty;

    /// <summary>Account domain.</summary>
    public string AccountDomain { get; set; } = string.Empty;

    /// <summary>SID.</summary>
    public string? AccountSid { get; set; }

    /// <summary>First logon seen.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Last logon seen.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The device the user logs on to most.</summary>
    public string? MostPrevalentMachineId { get; set; }

    /// <summary>The device the user logs on to least.</summary>
    public string? LeastPrevalentMachineId { get; set; }

    /// <summary>Logon types, e.g. <c>Interactive</c>.</summary>
    public string? LogonTypes { get; set; }

    /// <summary>Devices the user logged on to.</summary>
    public int LogOnMachinesCount { get; set; }

    /// <summary>Whether the user is a domain admin.</summary>
    public bool IsDomainAdmin { get; set; }

    /// <summary>Whether the user only logs on over the network.</summary>
    public bool IsOnlyNetworkUser { get; set; }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("UserAccounts");
        builder.HasKey(u => new { u.TenantId, u.Id });
        builder.Property(u => u.AccountName).UseCollation("NOCASE");
        builder.HasIndex(u => new { u.TenantId, u.AccountName });
    }
}
