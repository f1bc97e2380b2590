using System.Globalization;
using DefenderApi.Emulator.Machines;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>
/// Which platforms and sensor versions each action supports, from the notes on each action's page. Windows 10
/// floors compare the OS build embedded in the sensor version (<c>10.8xxx.{build}.x</c>) with the release's build
/// (1703 = 15063, 1709 = 16299); Windows Server 2012 R2/2016 offboarding needs the unified agent (release 8000+).
/// </summary>
internal static class ActionSupport
{
    private const long Windows10Version1703 = 15063;
    private const long Windows10Version1709 = 16299;
    private const int UnifiedAgentRelease = 8000;

    private static readonly string[] WindowsClients = ["Windows10", "Windows11"];
    private static readonly string[] ModernServers = ["WindowsServer2019", "WindowsServer2022", "WindowsServer2025"];
    private static readonly string[] LegacyServers = ["WindowsServer2012R2", "WindowsServer2016"];

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["Isolate"] = new("Isolate", [.. WindowsClients, "Linux"], Windows10Version1703),
        ["Isolate:Selective"] = new("Selective isolation", WindowsClients, Windows10Version1709),
        ["Unisolate"] = new("Unisolate", [.. WindowsClients, "Linux"], Windows10Version1703),
        ["RestrictCodeExecution"] = new("RestrictCodeExecution", WindowsClients, Windows10Version1709),
        ["UnrestrictCodeExecution"] = new("UnrestrictCodeExecution", WindowsClients, Windows10Version1709),
        ["RunAntiVirusScan"] = new("RunAntiVirusScan", WindowsClients, Windows10Version1709),
        ["StopAndQuarantineFile"] = new("StopAndQuarantineFile", WindowsClients, Windows10Version1703),
        ["CollectInvestigationPackage"] = new("CollectInvestigationPackage", [.. WindowsClients, .. ModernServers, .. LegacyServers], Windows10Version1703),
        ["Offboard"] = new("Offboard", [.. WindowsClients, .. ModernServers, .. LegacyServers], Windows10Version1703),
        ["LiveResponse"] = new("LiveResponse", [.. WindowsClients, .. ModernServers, "macOS", "Linux"], Windows10Version1709),
    };

    /// <summary>Throws 400 OsPlatformNotSupported or ClientVersionNotSupported when <paramref name="machine"/> cannot run the action.</summary>
    public static void Check(Machine machine, MachineActionType type, string? scope)
    {
        var rule = Rules.GetValueOrDefault($"{type}:{scope}") ?? Rules[type.ToString()];
        if (!rule.Platforms.Contains(machine.OsPlatform, StringComparer.OrdinalIgnoreCase))
        {
            throw new DefenderErrorException(DefenderErrors.OsPlatformNotSupported(machine.OsPlatform));
        }

        var (release, build) = ParseSensor(machine.AgentVersion);
        if (machine.OsPlatform.Equals("Windows10", StringComparison.OrdinalIgnoreCase) && build < rule.MinimumWindows10Build)
        {
            throw new DefenderErrorException(DefenderErrors.ClientVersionNotSupported(rule.Name, $"10.0.{rule.MinimumWindows10Build}"));
        }

        if (type == MachineActionType.Offboard && LegacyServers.Contains(machine.OsPlatform, StringComparer.OrdinalIgnoreCase) && release < UnifiedAgentRelease)
        {
            throw new DefenderErrorException(DefenderErrors.ClientVersionNotSupported(rule.Name, $"10.{UnifiedAgentRelease}"));
        }
    }

    private static (int Release, long Build) ParseSensor(string agentVersion)
    {
        var parts = agentVersion.Split('.');
        var release = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        var build = parts.Length > 2 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 0;
        return (release, build);
    }

    private sealed record Rule(string Name, string[] Platforms, long MinimumWindows10Build);
}
