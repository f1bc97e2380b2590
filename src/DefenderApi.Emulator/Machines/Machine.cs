using System.Text.Json.Serialization;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Machines;

/// <summary>A device, as <see href="https://learn.microsoft.com/defender-endpoint/api/machine">Machine resource type</see> documents it (JSON names and order as on the page).</summary>
internal sealed class Machine : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Machine identity (40 hex characters).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Fully qualified name.</summary>
    public string ComputerDnsName { get; set; } = string.Empty;

    /// <summary>First time the device was observed.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Last full device report.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Operating system platform, e.g. <c>Windows11</c>, <c>WindowsServer2019</c>, <c>Linux</c>, <c>macOS</c>.</summary>
    public string OsPlatform { get; set; } = string.Empty;

    /// <summary>Onboarding status: <c>onboarded</c>, <c>CanBeOnboarded</c>, <c>Unsupported</c>, <c>InsufficientInfo</c>.</summary>
    [JsonPropertyName("onboardingStatus")]
    [DocumentedValues("onboarded", "CanBeOnboarded", "Unsupported", "InsufficientInfo")]
    public string OnboardingStatus { get; set; } = "onboarded";

    /// <summary>Processor (deprecated in favour of <see cref="OsArchitecture"/>).</summary>
    public string? OsProcessor { get; set; }

    /// <summary>Operating system version, e.g. <c>22H2</c>.</summary>
    public string? Version { get; set; }

    /// <summary>Operating system build number.</summary>
    public long? OsBuild { get; set; }

    /// <summary>Last IP on the local NIC.</summary>
    public string? LastIpAddress { get; set; }

    /// <summary>Last IP through which the device reached the internet.</summary>
    public string? LastExternalIpAddress { get; set; }

    /// <summary>Health status.</summary>
    public MachineHealthStatus HealthStatus { get; set; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; set; }

    /// <summary>Device group id (a number in the page's examples).</summary>
    public long? RbacGroupId { get; set; }

    /// <summary>Risk score.</summary>
    public MachineRiskScore? RiskScore { get; set; }

    /// <summary>Microsoft Entra device id.</summary>
    public Guid? AadDeviceId { get; set; }

    /// <summary>Whether the device is Entra joined (in the page's examples only).</summary>
    public bool IsAadJoined { get; set; }

    /// <summary>Tags.</summary>
    public List<string> MachineTags { get; set; } = [];

    /// <summary>Exposure level.</summary>
    public ExposureLevel? ExposureLevel { get; set; }

    /// <summary>Device value.</summary>
    public DeviceValue? DeviceValue { get; set; }

    /// <summary>Network interfaces.</summary>
    public List<IpAddress> IpAddresses { get; set; } = [];

    /// <summary><c>32-bit</c> or <c>64-bit</c>.</summary>
    public string? OsArchitecture { get; set; }

    /// <summary>The device group as the caller-access service compares it (<c>rbacGroupId</c> as text).</summary>
    [JsonIgnore]
    public string? GroupKey => RbacGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sensor (agent) version; not on the documented entity, it decides <c>ClientVersionNotSupported</c>.</summary>
    [JsonIgnore]
    public string AgentVersion { get; set; } = "10.8760.0.0";

    /// <summary>The device's isolation, changed by succeeded isolate/unisolate actions.</summary>
    [JsonIgnore]
    public IsolationState Isolation { get; set; }

    /// <summary>Whether app execution is restricted, changed by succeeded restrict/unrestrict actions.</summary>
    [JsonIgnore]
    public bool CodeExecutionRestricted { get; set; }
}

/// <summary>A network interface of a machine.</summary>
internal sealed class IpAddress
{
    /// <summary>The address.</summary>
    [JsonPropertyName("ipAddress")]
    public string Address { get; set; } = string.Empty;

    /// <summary>The MAC address.</summary>
    public string? MacAddress { get; set; }

    /// <summary>e.g. <c>Up</c>.</summary>
    public string? OperationalStatus { get; set; }
}

/// <summary>Machine health status.</summary>
internal enum MachineHealthStatus
{
    /// <summary>Reporting.</summary>
    Active,

    /// <summary>Not reporting.</summary>
    Inactive,

    /// <summary>Impaired communication.</summary>
    ImpairedCommunication,

    /// <summary>No sensor data.</summary>
    NoSensorData,

    /// <summary>No sensor data and impaired communication.</summary>
    NoSensorDataImpairedCommunication,

    /// <summary>Unknown.</summary>
    Unknown,
}

/// <summary>Risk score.</summary>
internal enum MachineRiskScore
{
    /// <summary>None.</summary>
    None,

    /// <summary>Informational.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>Exposure level.</summary>
internal enum ExposureLevel
{
    /// <summary>None.</summary>
    None,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>Device value.</summary>
internal enum DeviceValue
{
    /// <summary>Normal.</summary>
    Normal,

    /// <summary>Low.</summary>
    Low,

    /// <summary>High.</summary>
    High,
}

/// <summary>A device's network isolation.</summary>
internal enum IsolationState
{
    /// <summary>Not isolated.</summary>
    None,

    /// <summary>Fully isolated.</summary>
    Full,

    /// <summary>Selectively isolated (Outlook, Teams and Skype still connect).</summary>
    Selective,
}
