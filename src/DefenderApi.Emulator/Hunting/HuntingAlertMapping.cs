using DefenderApi.Emulator.Alerts;
using DefenderApi.Hunting;

namespace DefenderApi.Emulator.Hunting;

/// <summary>An alert of the alerts API in the hunting tables' terms (same id, title, severity, category, device, evidence).</summary>
internal static class HuntingAlertMapping
{
    public static HuntingAlert ToHunting(this Alert alert) =>
        new(alert.Id, alert.Title, alert.Severity.ToString(), alert.Category, alert.MachineId, alert.AlertCreationTime)
        {
            DetectionSource = DetectionSource(alert.DetectionSource),
            AttackTechniques = alert.MitreTechniques,
            EventTime = alert.FirstEventTime,
            Evidence = [.. alert.Evidence.OrderBy(e => e.Sequence).Select(ToHunting)],
        };

    /// <summary>The hunting tables name detection sources for people (<c>EDR</c>), the alerts API by product.</summary>
    public static string DetectionSource(string apiSource) => apiSource switch
    {
        "WindowsDefenderAtp" => "EDR",
        "WindowsDefenderAv" => "Antivirus",
        "CustomDetection" => "Custom detection",
        "CustomerTI" => "Custom TI",
        "AutomatedInvestigation" => "Automated investigation",
        _ => apiSource,
    };

    private static HuntingEvidence ToHunting(AlertEvidence evidence) => new(evidence.EntityType)
    {
        FileName = evidence.FileName,
        FolderPath = evidence.FilePath,
        Sha1 = evidence.Sha1,
        Sha256 = evidence.Sha256,
        ProcessCommandLine = evidence.ProcessCommandLine,
        ProcessId = evidence.ProcessId,
        ParentFileName = evidence.ParentProcessFileName,
        RemoteIp = evidence.IpAddress,
        RemoteUrl = evidence.Url,
        AccountName = evidence.AccountName,
        AccountDomain = evidence.DomainName,
    };

    /// <summary>Evidence an event shows, as a new alert evidence item recorded at the event's time.</summary>
    public static AlertEvidence ToAlertEvidence(this HuntingEvidence evidence, DateTimeOffset at) => new()
    {
        EntityType = evidence.EntityType,
        EvidenceCreationTime = at,
        FileName = evidence.FileName,
        FilePath = evidence.FolderPath,
        Sha1 = evidence.Sha1,
        Sha256 = evidence.Sha256,
        ProcessCommandLine = evidence.ProcessCommandLine,
        ProcessId = evidence.ProcessId,
        ProcessCreationTime = evidence.EntityType == "Process" ? at : null,
        ParentProcessFileName = evidence.ParentFileName,
        IpAddress = evidence.RemoteIp,
        Url = evidence.RemoteUrl,
        AccountName = evidence.AccountName,
        DomainName = evidence.AccountDomain,
        DetectionStatus = evidence.EntityType is "File" or "Process" ? "Detected" : null,
    };
}
