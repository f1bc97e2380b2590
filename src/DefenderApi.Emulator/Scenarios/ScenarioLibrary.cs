using System.Text.Json.Nodes;
using DefenderApi.Emulator.Alerts;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>The scenarios the emulator plays (docs/scenarios.md has each one's timeline).</summary>
internal static partial class ScenarioLibrary
{
    /// <summary>Every scenario.</summary>
    public static IReadOnlyList<IScenarioDefinition> All { get; } =
    [
        new Definition("ransomware", "Ransomware outbreak: a macro launches PowerShell on the first device, the payload encrypts it, then spreads over the others every 15 minutes.", 3, Ransomware),
        new Definition("phishing", "Phishing: a user clicks the link of a credential-phishing e-mail, credentials are dumped 20 minutes later (the e-mail is quarantined), and an hour later the stolen account logs on to a second device.", 2, Phishing),
        new Definition("commodity-malware", "Commodity malware: a downloaded trojan is detected by antivirus, quarantined two minutes later and the alert resolved.", 1, CommodityMalware),
        new Definition("false-positive-burst", "A noisy false positive: a backup agent trips four low-severity detections on each device within two minutes; all are resolved as false positives after 30 minutes.", 5, FalsePositiveBurst),
        new Definition("device-inactive", "A device stops reporting: its last events now, its health Inactive seven days later.", 1, DeviceInactive),
        new Definition("background", "A steady trickle: benign network and process events every 10 minutes on random devices, and a low-severity alert every 6 hours, for 'hours' hours.", 10, Background),
    ];

    /// <summary>A scenario by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The scenario, or <see langword="null"/>.</returns>
    public static IScenarioDefinition? Find(string? name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private const string PowerShellSha1 = "6cbce4a295c163791b60fc23d285e6d84f28ee4c";
    private const string RansomwareSha1 = "a1d9cd1f6a2e4b3c7d8e9f00112233445566aabb";
    private const string TrojanSha1 = "c0ffee00d15ea5e0badc0de0123456789abcdef0";
    private const string ProcDumpSha1 = "d9f1b6b1e0a6e7f3c5b2a4d8e6f0a1b2c3d4e5f6";

    private static IReadOnlyList<ScenarioStep> Ransomware(ScenarioPlan plan)
    {
        var steps = new List<ScenarioStep>
        {
            new(TimeSpan.Zero, "initial access: macro launches PowerShell", async context =>
            {
                var first = await context.MachineAsync(context.Devices[0]);
                await context.RaiseAlertAsync("DeviceProcessEvents", first, Process("powershell.exe", PowerShellSha1,
                    "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA", "winword.exe"),
                    new ScenarioAlert("Suspicious PowerShell command line", "Medium", "Execution", "A document launched an encoded PowerShell command."));
            }),
        };
        for (var i = 0; i < plan.Devices.Count; i++)
        {
            var index = i;
            steps.Add(new(TimeSpan.FromMinutes(10 + (15 * i)), $"encryption on device {i + 1}", async context =>
            {
                var device = await context.MachineAsync(context.Devices[index]);
                if (index > 0)
                {
                    var first = await context.MachineAsync(context.Devices[0]);
                    await context.EmitAsync("DeviceLogonEvents", device, Logon("svc-backup", first.LastIpAddress ?? "10.0.0.1", "Network"));
                }

                await context.RaiseAlertAsync("DeviceProcessEvents", device, Process("svchost32.exe", RansomwareSha1, @"svchost32.exe --encrypt C:\Users --note README-RESTORE.txt", index == 0 ? "powershell.exe" : "services.exe"),
                    new ScenarioAlert("Ransomware behavior detected", "High", "Ransomware", "Files on the device are being encrypted and renamed.", "WindowsDefenderAtp", "LockBit"));
                await context.RecordMachineStateAsync(device);
            }));
        }

        return steps;
    }

    private static IReadOnlyList<ScenarioStep> Phishing(ScenarioPlan plan) =>
    [
        new(TimeSpan.Zero, "user opens a phishing page", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            await context.EmitXdrAsync("EmailEvents", PhishingRows.Email(context), TimeSpan.FromMinutes(12));
            await context.EmitXdrAsync("EmailUrlInfo", PhishingRows.EmailUrl(context), TimeSpan.FromMinutes(12));
            await context.EmitXdrAsync("UrlClickEvents", PhishingRows.Click(context), TimeSpan.FromSeconds(30));
            await context.RaiseAlertAsync("DeviceNetworkEvents", device, Network("203.0.113.50", PhishingRows.Url, "msedge.exe"),
                new ScenarioAlert("Suspicious URL clicked", "Medium", "InitialAccess", "A user opened a page that imitates a sign-in page."));
        }),
        new(TimeSpan.FromMinutes(20), "credential dumping", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            await context.EmitXdrAsync("EmailPostDeliveryEvents", PhishingRows.Quarantine(context), TimeSpan.FromMinutes(5));
            await context.EmitXdrAsync("CloudAppEvents", PhishingRows.MailboxAccess(), TimeSpan.FromMinutes(2));
            await context.RaiseAlertAsync("DeviceProcessEvents", device, Process("procdump64.exe", ProcDumpSha1, "procdump64.exe -accepteula -ma lsass.exe C:\\Temp\\l.dmp", "cmd.exe"),
                new ScenarioAlert("Possible credential dumping", "High", "CredentialAccess", "A process read the memory of lsass.exe."));
            await context.RecordMachineStateAsync(device);
        }),
        new(TimeSpan.FromMinutes(80), "lateral movement with the stolen account", async context =>
        {
            var source = await context.MachineAsync(context.Devices[0]);
            var target = await context.MachineAsync(context.Devices[^1]);
            await context.EmitXdrAsync("IdentityQueryEvents", PhishingRows.Reconnaissance(source.ComputerDnsName), TimeSpan.FromMinutes(10));
            await context.EmitXdrAsync("IdentityLogonEvents", PhishingRows.Logon(target.ComputerDnsName, source.LastIpAddress), TimeSpan.Zero);
            await context.RaiseAlertAsync("DeviceLogonEvents", target, Logon("alice", source.LastIpAddress ?? "10.0.0.1", "RemoteInteractive"),
                new ScenarioAlert("Suspicious remote logon with stolen credentials", "High", "LateralMovement", "An account whose credentials were dumped logged on remotely."));
            await context.RecordMachineStateAsync(target);
        }),
    ];

    private static IReadOnlyList<ScenarioStep> CommodityMalware(ScenarioPlan plan) =>
    [
        new(TimeSpan.Zero, "trojan downloaded and detected", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            var row = new JsonObject
            {
                ["ActionType"] = "FileCreated", ["FileName"] = "invoice_2291.pdf.exe", ["FolderPath"] = @"C:\Users\Public\Downloads\invoice_2291.pdf.exe",
                ["SHA1"] = TrojanSha1, ["FileOriginUrl"] = "http://cdn.example-files.net/invoice_2291.pdf.exe", ["InitiatingProcessFileName"] = "msedge.exe",
            };
            await context.RaiseAlertAsync("DeviceFileEvents", device, row,
                new ScenarioAlert("'Wacatac' malware was detected", "Medium", "Malware", "Antivirus detected a trojan.", "WindowsDefenderAv", "Wacatac"));
            await context.RecordMachineStateAsync(device);
        }),
        new(TimeSpan.FromMinutes(2), "antivirus quarantines the file; the alert is resolved", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            await context.EmitAsync("DeviceEvents", device, new JsonObject { ["ActionType"] = "AntivirusDetection", ["FileName"] = "invoice_2291.pdf.exe", ["SHA1"] = TrojanSha1 });
            foreach (var alert in context.RaisedAlerts())
            {
                await context.UpdateAlertAsync(alert, a =>
                {
                    a.Status = AlertStatus.Resolved;
                    a.Classification = AlertClassification.TruePositive;
                    a.Determination = AlertDetermination.Malware;
                    a.ResolvedTime = context.Now;
                }, "remediated by antivirus: Resolved, TruePositive, Malware");
            }

            await context.RecordMachineStateAsync(device);
        }),
    ];

    private static IReadOnlyList<ScenarioStep> FalsePositiveBurst(ScenarioPlan plan)
    {
        string[] titles = ["Suspicious file encryption activity", "Unusual volume of file modifications", "Suspicious process accessed many files", "Potential data staging"];
        var steps = new List<ScenarioStep>();
        for (var i = 0; i < plan.Devices.Count * titles.Length; i++)
        {
            var (device, title) = (i % plan.Devices.Count, titles[i / plan.Devices.Count]);
            steps.Add(new(TimeSpan.FromSeconds(120.0 * i / (plan.Devices.Count * titles.Length)), $"detection {i + 1}", async context =>
            {
                var machine = await context.MachineAsync(context.Devices[device]);
                await context.RaiseAlertAsync("DeviceProcessEvents", machine, Process("backup-agent.exe", "0b5e5f2a7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f", "backup-agent.exe --full --target \\\\nas01\\backup", "services.exe"),
                    new ScenarioAlert(title, "Low", "SuspiciousActivity", "A process read and wrote many files in a short time."));
            }));
        }

        steps.Add(new(TimeSpan.FromMinutes(30), "triage: all resolved as false positives", async context =>
        {
            foreach (var alert in context.RaisedAlerts())
            {
                await context.UpdateAlertAsync(alert, a =>
                {
                    a.Status = AlertStatus.Resolved;
                    a.Classification = AlertClassification.FalsePositive;
                    a.Determination = AlertDetermination.Clean;
                    a.ResolvedTime = context.Now;
                }, "Resolved, FalsePositive, Clean");
            }
        }));
        return steps;
    }

    private static IReadOnlyList<ScenarioStep> DeviceInactive(ScenarioPlan plan) =>
    [
        new(TimeSpan.Zero, "last signals", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            await context.EmitAsync("DeviceNetworkEvents", device, Network("20.190.151.68", "login.microsoftonline.com", "svchost.exe"));
        }),
        new(TimeSpan.FromDays(7), "no signal for seven days", async context =>
        {
            var device = await context.MachineAsync(context.Devices[0]);
            await context.RecordMachineStateAsync(device);
        }),
    ];

    private static IReadOnlyList<ScenarioStep> Background(ScenarioPlan plan)
    {
        var steps = new List<ScenarioStep>();
        for (var minute = 10; minute <= plan.Hours * 60; minute += 10)
        {
            var alert = minute % 360 == 0;
            steps.Add(new(TimeSpan.FromMinutes(minute), alert ? "low-severity detection" : "benign activity", async context =>
            {
                var device = await context.MachineAsync(context.Devices[context.Random.Next(context.Devices.Count)]);
                await context.EmitAsync("DeviceNetworkEvents", device, Network("13.107.42.14", "https://config.office.com/config/v1", "officeclicktorun.exe"));
                await context.EmitAsync("DeviceProcessEvents", device, Process("teams.exe", "3b0c8f7e5f61dc6d8f1d4a5c2e7b9a0d1c2e3f4a", "teams.exe --system-initiated", "explorer.exe"));
                if (alert)
                {
                    await context.RaiseAlertAsync("DeviceProcessEvents", device, Process("toolbar-installer.exe", "5f4dcc3b5aa765d61d8327deb882cf99aabbccdd", "toolbar-installer.exe /silent", "explorer.exe"),
                        new ScenarioAlert("Potentially unwanted application", "Low", "SuspiciousActivity", "An application bundling adware was installed.", "WindowsDefenderAv"));
                }
            }));
        }

        return steps;
    }

    private static JsonObject Process(string fileName, string sha1, string commandLine, string parent) => new()
    {
        ["ActionType"] = "ProcessCreated", ["FileName"] = fileName, ["FolderPath"] = $@"C:\Windows\Temp\{fileName}", ["SHA1"] = sha1,
        ["ProcessCommandLine"] = commandLine, ["InitiatingProcessFileName"] = parent, ["AccountName"] = "alice", ["AccountDomain"] = "contoso",
    };

    private static JsonObject Network(string ip, string url, string process) => new()
    {
        ["ActionType"] = "ConnectionSuccess", ["RemoteIP"] = ip, ["RemotePort"] = 443, ["RemoteUrl"] = url, ["Protocol"] = "Tcp",
        ["InitiatingProcessFileName"] = process, ["InitiatingProcessAccountName"] = "alice",
    };

    private static JsonObject Logon(string account, string fromIp, string logonType) => new()
    {
        ["ActionType"] = "LogonSuccess", ["AccountName"] = account, ["AccountDomain"] = "contoso", ["LogonType"] = logonType, ["RemoteIP"] = fromIp,
        ["Protocol"] = "Kerberos",
    };

    private sealed record Definition(string Name, string Description, int DefaultDevices, Func<ScenarioPlan, IReadOnlyList<ScenarioStep>> Steps) : IScenarioDefinition
    {
        public IReadOnlyList<ScenarioStep> Plan(ScenarioPlan plan) => Steps(plan);
    }
}
