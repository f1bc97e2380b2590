namespace DefenderApi.Client.Models;

/// <summary>A short machine reference used by vulnerability management.</summary>
public sealed record MachineReference
{
    /// <summary>The device id.</summary>
    public string? Id { get; init; }

    /// <summary>The device name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>Operating system platform.</summary>
    public string? OsPlatform { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }
}
