using System.Text.Json;

namespace DefenderApi.Emulator.Tests.World;

/// <summary>
/// The rules that tie a machine's derived fields to the rest of the world (docs/fidelity.md, "Machines follow their
/// world"), checked on what the public API shows.
/// </summary>
internal static class MachineRules
{
    private static readonly string[] RiskOrder = ["None", "Informational", "Low", "Medium", "High"];
    private static readonly string[] ExposureOrder = ["None", "Low", "Medium", "High"];

    public static void AssertConsistent(IReadOnlyList<DeviceView> devices, DateTimeOffset now, string context)
    {
        foreach (var device in devices)
        {
            var where = $"{context}: machine {device.Id}";
            Assert.True(ExpectedRisk(device.Alerts) == device.Text("riskScore"), $"{where}: riskScore {device.Text("riskScore")}, its active alerts say {ExpectedRisk(device.Alerts)}");
            Assert.True(ExpectedExposure(device.Vulnerabilities) == device.Text("exposureLevel"),
                $"{where}: exposureLevel {device.Text("exposureLevel")}, its vulnerabilities say {ExpectedExposure(device.Vulnerabilities)}");
            if (device.LastSignal is { } signal)
            {
                Assert.True(device.LastSeen >= signal, $"{where}: lastSeen {device.LastSeen:O} is before its latest event {signal:O}");
            }

            if (device.LatestLocalIp is { } ip)
            {
                Assert.True(ip == device.Text("lastIpAddress"), $"{where}: lastIpAddress {device.Text("lastIpAddress")}, its latest network row says {ip}");
            }

            var onboarded = string.Equals(device.Text("onboardingStatus"), "onboarded", StringComparison.OrdinalIgnoreCase);
            var health = device.Text("healthStatus");
            if (health == "Inactive")
            {
                Assert.True(!onboarded || now - device.LastSeen >= TimeSpan.FromDays(7), $"{where}: Inactive, yet last seen {device.LastSeen:O} at {now:O}");
            }

            if (onboarded && device.LastSignal is { } recent && now - recent < TimeSpan.FromDays(7))
            {
                Assert.True(health != "Inactive", $"{where}: Inactive, yet it sent a row at {recent:O} ({now:O})");
            }
        }
    }

    public static string ExpectedRisk(IEnumerable<JsonElement> alerts) =>
        alerts.Where(a => a.GetProperty("status").GetString() != "Resolved")
            .Select(a => a.GetProperty("severity").GetString() switch
            {
                "High" => "High",
                "Medium" => "Medium",
                "Low" => "Low",
                _ => "Informational",
            })
            .DefaultIfEmpty("None").MaxBy(r => Array.IndexOf(RiskOrder, r))!;

    public static string ExpectedExposure(IEnumerable<JsonElement> vulnerabilities) =>
        vulnerabilities.Select(v => v.GetProperty("severity").GetString() switch
            {
                "Critical" or "High" => "High",
                "Medium" => "Medium",
                _ => "Low",
            })
            .DefaultIfEmpty("None").MaxBy(e => Array.IndexOf(ExposureOrder, e))!;
}
