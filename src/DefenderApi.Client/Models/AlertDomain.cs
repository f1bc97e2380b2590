namespace DefenderApi.Client.Models;

/// <summary>A domain related to an alert.</summary>
public sealed record AlertDomain
{
    /// <summary>The domain.</summary>
    public string? Host { get; init; }
}
