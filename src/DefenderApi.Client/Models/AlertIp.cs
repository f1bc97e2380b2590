namespace DefenderApi.Client.Models;

/// <summary>An IP address related to an alert.</summary>
public sealed record AlertIp
{
    /// <summary>The IP address.</summary>
    public string? Id { get; init; }
}
