namespace DefenderApi.Client.Models;

/// <summary>A user seen on devices.</summary>
public sealed record DefenderUser
{
    /// <summary><c>domain\user</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>Account domain.</summary>
    public string? AccountDomain { get; init; }

    /// <summary>Account SID.</summary>
    public string? AccountSid { get; init; }

    /// <summary>First seen.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last seen.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The device the user logs on to most.</summary>
    public string? MostPrevalentMachineId { get; init; }

    /// <summary>The device the user logs on to least.</summary>
    public string? LeastPrevalentMachineId { get; init; }

    /// <summary>Logon types.</summary>
    public string? LogonTypes { get; init; }

    /// <summary>Number of devices logged on to.</summary>
    public int? LogOnMachinesCount { get; init; }

    /// <summary>Whether the user is a domain admin.</summary>
    public bool? IsDomainAdmin { get; init; }

    /// <summary>Whether the user only logs on over the network.</summary>
    public bool? IsOnlyNetworkUser { get; init; }
}
