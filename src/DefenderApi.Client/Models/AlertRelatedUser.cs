namespace DefenderApi.Client.Models;

/// <summary>The user an alert relates to.</summary>
public sealed record AlertRelatedUser
{
    /// <summary>User name.</summary>
    public string? UserName { get; init; }

    /// <summary>Domain name.</summary>
    public string? DomainName { get; init; }
}
