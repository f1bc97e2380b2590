using System.Security.Cryptography;
using System.Text;

using DefenderApi.Emulator.Validation;

namespace DefenderApi.Emulator.Alerts.Demo;

/// <summary>The fixed catalogue the demo alerts draw from: detections, files, C2 domains and addresses.</summary>
internal static class DemoThreats
{
    public static readonly DemoDetection[] Detections =
    [
        new("Suspicious PowerShell command line", "Execution", "WindowsDefenderAtp", AlertSeverity.Medium, null, ["T1059.001"]),
        new("Ransomware behavior detected in the file system", "Ransomware", "WindowsDefenderAv", AlertSeverity.High, "Ransom:Win32/Conti", ["T1486"]),
        new("Credential dumping activity observed", "CredentialAccess", "WindowsDefenderAtp", AlertSeverity.High, null, ["T1003.001"]),
        new("Connection to a known command and control server", "CommandAndControl", "WindowsDefenderAtp", AlertSeverity.High, "Trojan:Win32/Cobaltstrike", ["T1071.001"]),
        new("'Mimikatz' hacktool was detected", "Malware", "WindowsDefenderAv", AlertSeverity.Medium, "HackTool:Win32/Mimikatz", ["T1003"]),
        new("Suspicious scheduled task created", "Persistence", "WindowsDefenderAtp", AlertSeverity.Low, null, ["T1053.005"]),
        new("Unwanted software was prevented", "Malware", "WindowsDefenderAv", AlertSeverity.Informational, "PUA:Win32/Presenoker", []),
        new("Lateral movement using remote services", "LateralMovement", "WindowsDefenderAtp", AlertSeverity.Medium, null, ["T1021.002"]),
    ];

    public static readonly DemoFile[] Files =
    [
        new("invoice_2026.exe", @"C:\Users\Public\Downloads", "Trojan:Win32/Emotet", 1_204_224),
        new("mimikatz.exe", @"C:\Windows\Temp", "HackTool:Win32/Mimikatz", 1_250_056),
        new("update.ps1", @"C:\ProgramData", null, 4_096),
        new("beacon.dll", @"C:\Windows\System32\spool\drivers", "Trojan:Win32/Cobaltstrike", 312_320),
        new("locker.exe", @"C:\Users\Public", "Ransom:Win32/Conti", 2_048_000),
        new("setup_free_toolbar.exe", @"C:\Users\Public\Downloads", "PUA:Win32/Presenoker", 804_352),
    ];

    public static readonly string[] Domains = ["c2.fabrikam-updates.net", "login.contoso-security.xyz", "cdn.tailspin-files.biz", "paste.woodgrove-share.info"];

    public static readonly string[] Addresses = ["198.51.100.23", "203.0.113.77", "192.0.2.150", "2001:db8:85a3::8a2e:370:7334"];

    // Stable made-up identifiers of the right length (the demo files have no content to hash).
    public static string Hash(string text, HashKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{text}")))[..(int)kind];
}

/// <summary>A kind of detection.</summary>
internal sealed record DemoDetection(string Title, string Category, string Source, AlertSeverity Severity, string? ThreatName, string[] Mitre);

/// <summary>A file seen in demo alerts.</summary>
internal sealed record DemoFile(string Name, string Folder, string? ThreatName, long Size)
{
    public string Sha1 => DemoThreats.Hash(Name, HashKind.Sha1);

    public string Sha256 => DemoThreats.Hash(Name, HashKind.Sha256);

    public string Md5 => DemoThreats.Hash(Name, HashKind.Md5);
}
