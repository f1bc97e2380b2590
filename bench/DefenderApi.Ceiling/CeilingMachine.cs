namespace DefenderApi.Ceiling;

/// <summary>A machine in the documented shape (<see href="https://learn.microsoft.com/defender-endpoint/api/machine">Machine resource type</see>), held in memory.</summary>
public sealed record CeilingMachine(
    string Id,
    string ComputerDnsName,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string OsPlatform,
    string Version,
    long? OsBuild,
    string LastIpAddress,
    string LastExternalIpAddress,
    string HealthStatus,
    string OnboardingStatus,
    string RbacGroupName,
    long RbacGroupId,
    string RiskScore,
    string ExposureLevel,
    string DeviceValue,
    Guid? AadDeviceId,
    bool IsAadJoined,
    IReadOnlyList<string> MachineTags,
    string OsArchitecture,
    IReadOnlyList<CeilingIpAddress> IpAddresses)
{
    /// <summary>Deterministic machines, the same count the emulator's load tenant has.</summary>
    public static CeilingMachine[] Generate(int count)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i => new CeilingMachine(
            Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 2654435761)).PadRight(40, '0'),
            $"host-{i:D5}.contoso.com",
            start.AddDays(-i % 300),
            start.AddMinutes(i),
            i % 5 == 0 ? "Linux" : "Windows11",
            "23H2",
            22631 + (i % 7),
            $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}",
            "203.0.113.7",
            "Active",
            "Onboarded",
            "Servers",
            140,
            "Medium",
            "Low",
            "Normal",
            null,
            false,
            ["demo"],
            "64-bit",
            [new CeilingIpAddress($"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}", "00155D0A1B2C", "Up")]))];
    }
}

/// <summary>An address of a machine.</summary>
public sealed record CeilingIpAddress(string IpAddress, string MacAddress, string OperationalStatus);
