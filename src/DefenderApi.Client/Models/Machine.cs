using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>A device onboarded to Defender for Endpoint (<see href="https://learn.microsoft.com/defender-endpoint/api/machine">Machine resource type</see>).</summary>
public sealed record Machine
{
    /// <summary>The device identity.</summary>
    public string? Id { get; init; }

    /// <summary>The fully qualified name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>First date and time the device was observed.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Time of the last received full device report (about every 24 hours).</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Operating system platform.</summary>
    public string? OsPlatform { get; init; }

    /// <summary>Onboarding status: <c>onboarded</c>, <c>CanBeOnboarded</c>, <c>Unsupported</c> or <c>InsufficientInfo</c>.</summary>
    public string? OnboardingStatus { get; init; }

    /// <summary>Processor (deprecated; use <see cref="OsArchitecture"/>).</summary>
    public string? OsProcessor { get; init; }

    /// <summary>Operating system version.</summary>
    public string? Version { get; init; }

    /// <summary>Operating system build number.</summary>
    public long? OsBuild { get; init; }

    /// <summary>Last IP address on a local network adapter.</summary>
    public string? LastIpAddress { get; init; }

    /// <summary>Last IP address the device used to reach the internet.</summary>
    public string? LastExternalIpAddress { get; init; }

    /// <summary>Sensor health: <c>Active</c>, <c>Inactive</c>, <c>ImpairedCommunication</c>, <c>NoSensorData</c>, <c>NoSensorDataImpairedCommunication</c> or <c>Unknown</c>.</summary>
    public string? HealthStatus { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>Device group id (documented as a string; sent as a number in examples, both are read).</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberConverter))]
    public string? RbacGroupId { get; init; }

    /// <summary>Risk score: <c>None</c>, <c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    public string? RiskScore { get; init; }

    /// <summary>Microsoft Entra device id, when joined.</summary>
    public Guid? AadDeviceId { get; init; }

    /// <summary>Tags of the device.</summary>
    public IReadOnlyList<string>? MachineTags { get; init; }

    /// <summary>Exposure level: <c>None</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    public string? ExposureLevel { get; init; }

    /// <summary>Device value: <c>Normal</c>, <c>Low</c> or <c>High</c>.</summary>
    public string? DeviceValue { get; init; }

    /// <summary>The device's adapters and their addresses.</summary>
    public IReadOnlyList<MachineIpAddress>? IpAddresses { get; init; }

    /// <summary><c>32-bit</c> or <c>64-bit</c>.</summary>
    public string? OsArchitecture { get; init; }

    /// <summary>Whether the device is joined to Microsoft Entra ID (examples only).</summary>
    public bool? IsAadJoined { get; init; }
}
