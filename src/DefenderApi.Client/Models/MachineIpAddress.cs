namespace DefenderApi.Client.Models;

/// <summary>An adapter address of a machine.</summary>
public sealed record MachineIpAddress
{
    /// <summary>The IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The adapter's MAC address.</summary>
    public string? MacAddress { get; init; }

    /// <summary>Adapter status, e.g. <c>Up</c>.</summary>
    public string? OperationalStatus { get; init; }
}
