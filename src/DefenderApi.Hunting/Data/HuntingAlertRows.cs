using System.Text.Json;
using DefenderApi.Hunting.Data;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>
/// The AlertInfo and AlertEvidence rows of an alert: one AlertInfo row, one AlertEvidence row for the device and one
/// per piece of evidence, all with the alert's id, title and device.
/// </summary>
public static class HuntingAlertRows
{
    private const string ServiceSource = "Microsoft Defender for Endpoint";

    /// <summary>Appends an alert's AlertInfo and AlertEvidence rows for a tenant.</summary>
    /// <param name="connection">An open connection with the tables created.</param>
    /// <param name="transaction">The transaction to write in, or <see langword="null"/> for one of its own.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="device">The alert's device.</param>
    public static void Append(SqliteConnection connection, SqliteTransaction? transaction, string tenantId, HuntingAlert alert, HuntingDevice device)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(alert);
        using var own = transaction is null ? connection.BeginTransaction() : null;
        using (var info = new TableInserter(connection, HuntingSchema.Default.Find("AlertInfo")!, tenantId))
        {
            Info(info, alert);
            info.Insert();
        }

        using (var evidence = new TableInserter(connection, HuntingSchema.Default.Find("AlertEvidence")!, tenantId))
        {
            for (var i = 0; i < EvidenceRowCount(alert); i++)
            {
                Evidence(evidence, alert, device, i);
                evidence.Insert();
            }
        }

        own?.Commit();
    }

    /// <summary>AlertEvidence rows of an alert: the device's, then one per piece of evidence.</summary>
    internal static int EvidenceRowCount(HuntingAlert alert) => 1 + alert.Evidence.Count;

    internal static void Info(TableInserter row, HuntingAlert alert) =>
        row.Set("Timestamp", alert.Timestamp.UtcDateTime).Set("AlertId", alert.AlertId).Set("Title", alert.Title).Set("Category", alert.Category)
           .Set("Severity", alert.Severity).Set("ServiceSource", ServiceSource).Set("DetectionSource", alert.DetectionSource)
           .Set("AttackTechniques", Techniques(alert));

    /// <summary>Row <paramref name="index"/> of the alert's evidence: 0 is the device, then the evidence in order.</summary>
    internal static void Evidence(TableInserter row, HuntingAlert alert, HuntingDevice device, int index)
    {
        row.Set("Timestamp", alert.Timestamp.UtcDateTime).Set("AlertId", alert.AlertId).Set("Title", alert.Title)
           .Set("Categories", JsonSerializer.Serialize<string[]>([alert.Category])).Set("AttackTechniques", Techniques(alert))
           .Set("ServiceSource", ServiceSource).Set("DetectionSource", alert.DetectionSource)
           .Set("DeviceId", device.DeviceId).Set("DeviceName", device.DeviceName);
        if (index == 0)
        {
            row.Set("EntityType", "Machine").Set("EvidenceRole", "Impacted");
            return;
        }

        var item = alert.Evidence[index - 1];
        row.Set("EntityType", item.EntityType).Set("EvidenceRole", item.EntityType is "User" ? "Impacted" : "Related")
           .Set("FileName", item.FileName).Set("FolderPath", FullPath(item.FolderPath, item.FileName))
           .Set("SHA1", item.Sha1).Set("SHA256", item.Sha256).Set("ProcessCommandLine", item.ProcessCommandLine)
           .Set("RemoteIP", item.RemoteIp).Set("RemoteUrl", item.RemoteUrl)
           .Set("AccountName", item.AccountName).Set("AccountDomain", item.AccountDomain);
    }

    /// <summary>A file's full path as the hunting tables write FolderPath (the folder with the file name).</summary>
    internal static string? FullPath(string? folder, string? fileName)
    {
        if (string.IsNullOrEmpty(folder) || string.IsNullOrEmpty(fileName))
        {
            return folder;
        }

        var separator = folder.Contains('\\', StringComparison.Ordinal) ? '\\' : '/';
        return folder.TrimEnd(separator) + separator + fileName;
    }

    private static string Techniques(HuntingAlert alert) => JsonSerializer.Serialize(alert.AttackTechniques);
}
