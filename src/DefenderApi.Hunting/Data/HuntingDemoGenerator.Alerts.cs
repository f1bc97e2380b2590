using DefenderApi.Hunting.Data;

namespace DefenderApi.Hunting;

/// <summary>
/// The events that triggered each alert, on the alert's device at its event time: the process of its file evidence,
/// the file's creation, the connection to its IP/URL evidence; each with its own ReportId, so
/// AlertEvidence joins to them on SHA1, RemoteIP or DeviceId and CreateAlertByReference can name them.
/// </summary>
public sealed partial class HuntingDemoGenerator
{
    private List<HuntingAlert> MadeUpAlerts() =>
        [.. Enumerable.Range(0, Math.Max(3, _spec.EventCount / 10_000)).Select(i =>
        {
            var template = DemoCatalog.AlertTemplates[i % DemoCatalog.AlertTemplates.Length];
            var device = _spec.Devices[i % _spec.Devices.Count];
            var fileName = IsWindows(device) ? "powershell.exe" : "bash";
            var user = _spec.UserNames[i % _spec.UserNames.Count];
            return new HuntingAlert("da" + Hash("alert" + i, 18), template.Title, template.Severity, template.Category, device.DeviceId, new DateTimeOffset(EventTime(), TimeSpan.Zero))
            {
                AttackTechniques = ["T1059"],
                Evidence =
                [
                    new HuntingEvidence("File") { FileName = fileName, FolderPath = ProcessFolder(device, fileName), Sha1 = Hash(fileName, 40), Sha256 = Hash(fileName, 64) },
                    new HuntingEvidence("User") { AccountName = user, AccountDomain = "contoso" },
                ],
            };
        })];

    private void TriggeringProcessEvent(TableInserter row, AlertTrigger trigger)
    {
        var device = trigger.Device;
        var time = trigger.Time;
        var process = trigger.Alert.Evidence.FirstOrDefault(e => e.EntityType == "Process");
        var fileName = trigger.File?.FileName ?? (IsWindows(device) ? "powershell.exe" : "bash");
        SetDeviceHeader(row, device, time, "ProcessCreated");
        SetEvidenceFile(row, trigger.File, fileName, device);
        SetInitiatingProcess(row, device, time, trigger.User);
        if (process?.ParentFileName is { } parent)
        {
            SetInitiatingFile(row, device, parent);
        }

        row.Set("FileSize", (long)_random.Next(10_000, 5_000_000)).Set("ProcessId", process?.ProcessId ?? _random.Next(100, 40000)).Set("ProcessCreationTime", time)
           .Set("ProcessCommandLine", process?.ProcessCommandLine ?? fileName).Set("ProcessIntegrityLevel", "High")
           .Set("AccountName", trigger.User).Set("AccountDomain", "contoso").Set("LogonId", (long)_random.Next(1000, 999_999));
    }

    private void TriggeringFileEvent(TableInserter row, AlertTrigger trigger)
    {
        var time = trigger.Time.AddMinutes(-1);
        SetDeviceHeader(row, trigger.Device, time, "FileCreated");
        SetEvidenceFile(row, trigger.File, trigger.File!.FileName!, trigger.Device);
        SetInitiatingProcess(row, trigger.Device, time, trigger.User);
        row.Set("FileSize", (long)_random.Next(100, 10_000_000)).Set("RequestAccountName", trigger.User).Set("IsAzureInfoProtectionApplied", false);
    }

    private void TriggeringNetworkEvent(TableInserter row, AlertTrigger trigger)
    {
        var time = trigger.Time.AddMinutes(1);
        var ip = trigger.Alert.Evidence.FirstOrDefault(e => e.RemoteIp is not null)?.RemoteIp;
        var url = trigger.Alert.Evidence.FirstOrDefault(e => e.RemoteUrl is not null)?.RemoteUrl;
        SetDeviceHeader(row, trigger.Device, time, "ConnectionSuccess");
        SetInitiatingProcess(row, trigger.Device, time, trigger.User);
        if (trigger.File is { FileName: { } fileName } file)
        {
            SetInitiatingFile(row, trigger.Device, fileName);
            row.Set("InitiatingProcessSHA1", file.Sha1).Set("InitiatingProcessSHA256", file.Sha256)
               .Set("InitiatingProcessFolderPath", HuntingAlertRows.FullPath(file.FolderPath, fileName));
        }

        row.Set("RemoteIP", ip ?? "").Set("RemoteUrl", url ?? "").Set("RemotePort", 443).Set("Protocol", "Tcp")
           .Set("LocalIP", LocalIp(trigger.Device)).Set("LocalPort", _random.Next(49152, 65535))
           .Set("LocalIPType", "Private").Set("RemoteIPType", ip is null ? "" : "Public");
    }

    /// <summary>The file columns from file evidence (its own hashes), or a catalogue file when the alert has none.</summary>
    private void SetEvidenceFile(TableInserter row, HuntingEvidence? file, string fileName, HuntingDevice device)
    {
        SetFile(row, fileName, ProcessFolder(device, fileName));
        if (file is not null)
        {
            row.Set("FolderPath", HuntingAlertRows.FullPath(file.FolderPath, fileName) ?? ProcessFolder(device, fileName) + fileName)
               .Set("SHA1", file.Sha1).Set("SHA256", file.Sha256).Set("MD5", null);
        }
    }

    private void SetInitiatingFile(TableInserter row, HuntingDevice device, string fileName) =>
        row.Set("InitiatingProcessFileName", fileName).Set("InitiatingProcessFolderPath", ProcessFolder(device, fileName) + fileName)
           .Set("InitiatingProcessSHA1", Hash(fileName, 40)).Set("InitiatingProcessSHA256", Hash(fileName, 64)).Set("InitiatingProcessMD5", Hash(fileName, 32));

    /// <summary>An alert with what its triggering events need.</summary>
    private sealed record AlertTrigger(HuntingAlert Alert, HuntingDevice Device)
    {
        public HuntingEvidence? File { get; } = HuntingEvidence.FileOf(Alert.Evidence);

        public bool Connects { get; } = Alert.Evidence.Any(e => e.RemoteIp is not null || e.RemoteUrl is not null);

        public DateTime Time { get; } = (Alert.EventTime ?? Alert.Timestamp).UtcDateTime;

        public string User { get; } = Alert.Evidence.FirstOrDefault(e => e.AccountName is not null)?.AccountName ?? "system";

        /// <summary>Process event always; file event with file evidence; network event with IP or URL evidence.</summary>
        public int EventCount => 1 + (File is null ? 0 : 1) + (Connects ? 1 : 0);
    }
}
