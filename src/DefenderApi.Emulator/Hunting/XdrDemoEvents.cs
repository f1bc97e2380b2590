using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// The Defender XDR demo events behind each demo alert, consistent with the alert's user, device and evidence: a
/// phishing email to the user carrying the alert's URL and file (EmailEvents, EmailUrlInfo, EmailAttachmentInfo), the
/// user's click on that URL before the device's process event that raised the alert (UrlClickEvents), the user's
/// logon to the device and the reconnaissance after it (IdentityLogonEvents, IdentityQueryEvents), the password reset
/// of the response (IdentityDirectoryEvents), the mailbox access seen by Defender for Cloud Apps (CloudAppEvents) and
/// the email's removal after delivery (EmailPostDeliveryEvents). Timed from the alert's first event, so the whole
/// chain reads in order.
/// </summary>
internal static class XdrDemoEvents
{
    private const string Domain = "contoso.com";

    public static void Write(SqliteConnection connection, string tenantId, IReadOnlyList<Alert> alerts, IReadOnlyList<HuntingDevice> devices, SqliteTransaction? transaction)
    {
        var names = devices.ToDictionary(d => d.DeviceId, d => d.DeviceName, StringComparer.Ordinal);
        var chains = alerts.Where(a => a.RelatedUser is not null && a.FirstEventTime is not null && a.Evidence.Any(e => e.Url is not null))
            .Select(a => new Chain(a, names.GetValueOrDefault(a.MachineId, a.ComputerDnsName ?? a.MachineId)))
            .ToList();
        Append(connection, tenantId, "EmailEvents", chains.Select(Email), transaction);
        Append(connection, tenantId, "EmailUrlInfo", chains.Select(c => Row(c.Sent, c, "Url")
            .With("NetworkMessageId", c.MessageId).With("Url", c.Url).With("UrlDomain", AlertEvidence.HostOf(c.Url)).With("UrlLocation", "Body")), transaction);
        Append(connection, tenantId, "EmailAttachmentInfo", chains.Where(c => c.File is not null).Select(c => Row(c.Sent, c, "Attachment")
            .With("NetworkMessageId", c.MessageId).With("SenderFromAddress", c.Sender).With("SenderDisplayName", "Billing")
            .With("RecipientEmailAddress", c.Upn).With("FileName", c.File!.FileName).With("FileType", Path.GetExtension(c.File.FileName)?.TrimStart('.'))
            .With("SHA256", c.File.Sha256).With("FileSize", 1_204_224L).With("ThreatTypes", "Malware").With("DetectionMethods", "File detonation")), transaction);
        Append(connection, tenantId, "UrlClickEvents", chains.Select(c => Row(c.Clicked, c, "Click")
            .With("Url", c.Url).With("ActionType", "ClickAllowed").With("AccountUpn", c.Upn).With("Workload", "Email")
            .With("NetworkMessageId", c.MessageId).With("ThreatTypes", "Phish").With("IPAddress", "10.1.0.23").With("IsClickedThrough", true)
            .With("UrlChain", new JsonArray(c.Url).ToJsonString())), transaction);
        Append(connection, tenantId, "IdentityLogonEvents", chains.Select(c => Account(Row(c.Start.AddHours(-2), c, "Logon"), c)
            .With("ActionType", "LogonSuccess").With("Application", "Active Directory").With("LogonType", "Interactive")
            .With("Protocol", "Kerberos").With("DeviceName", c.DeviceName).With("DeviceType", "Desktop").With("OSPlatform", "Windows")
            .With("IPAddress", "10.1.0.23").With("Port", 49721).With("DestinationDeviceName", "dc01.contoso.com")
            .With("DestinationIPAddress", "10.0.0.4").With("DestinationPort", 88)), transaction);
        Append(connection, tenantId, "IdentityQueryEvents", chains.Select(c => Account(Row(c.Start.AddMinutes(5), c, "Query"), c)
            .With("ActionType", "SAMR query").With("Application", "Active Directory").With("QueryType", "QueryDomainGroupMembers")
            .With("QueryTarget", "Domain Admins").With("Protocol", "Samr").With("DeviceName", c.DeviceName).With("IPAddress", "10.1.0.23")
            .With("DestinationDeviceName", "dc01.contoso.com").With("DestinationIPAddress", "10.0.0.4").With("DestinationPort", 445)), transaction);
        Append(connection, tenantId, "IdentityDirectoryEvents", chains.Select(c => Account(Row(c.Start.AddHours(1), c, "Directory"), c)
            .With("ActionType", "Account Password changed").With("Application", "Active Directory").With("TargetAccountUpn", c.Upn)
            .With("TargetAccountDisplayName", c.Alert.RelatedUser!.UserName).With("DestinationDeviceName", "dc01.contoso.com")
            .With("Protocol", "Ldap").With("DeviceName", "dc01.contoso.com")), transaction);
        Append(connection, tenantId, "CloudAppEvents", chains.Select(c => Row(c.Clicked.AddMinutes(3), c, "Cloud")
            .With("ActionType", "MailItemsAccessed").With("Application", "Microsoft Exchange Online").With("ApplicationId", 20893)
            .With("AccountObjectId", c.ObjectId).With("AccountId", c.ObjectId).With("AccountDisplayName", c.Alert.RelatedUser!.UserName)
            .With("IsAdminOperation", false).With("DeviceType", "Desktop").With("OSPlatform", "Windows").With("IPAddress", "10.1.0.23")
            .With("CountryCode", "US").With("ActivityType", "Basic").With("ObjectName", c.Subject).With("ObjectType", "Email")
            .With("AccountType", "Regular").With("IsExternalUser", false).With("IsImpersonated", false)), transaction);
        Append(connection, tenantId, "EmailPostDeliveryEvents", chains.Select(c => Row(c.Alert.AlertCreationTime.AddMinutes(5), c, "Zap")
            .With("NetworkMessageId", c.MessageId).With("InternetMessageId", c.InternetMessageId).With("Action", "Moved to quarantine")
            .With("ActionType", "Phish ZAP").With("ActionTrigger", "SpecialAction").With("ActionResult", "Success")
            .With("RecipientEmailAddress", c.Upn).With("DeliveryLocation", "Quarantine").With("ThreatTypes", "Phish")
            .With("DetectionMethods", "URL detonation reputation")), transaction);
    }

    private static JsonObject Email(Chain c) => Row(c.Sent, c, "Email")
        .With("NetworkMessageId", c.MessageId).With("InternetMessageId", c.InternetMessageId).With("SenderMailFromAddress", c.Sender)
        .With("SenderFromAddress", c.Sender).With("SenderDisplayName", "Billing").With("SenderMailFromDomain", c.SenderDomain)
        .With("SenderFromDomain", c.SenderDomain).With("SenderIPv4", "198.51.100.23").With("RecipientEmailAddress", c.Upn)
        .With("RecipientObjectId", c.ObjectId).With("Subject", c.Subject).With("EmailDirection", "Inbound").With("DeliveryAction", "Delivered")
        .With("DeliveryLocation", "Inbox/folder").With("ThreatTypes", "Phish").With("DetectionMethods", "URL detonation reputation")
        .With("ConfidenceLevel", "{\"Phish\":\"High\"}").With("AuthenticationDetails", "{\"SPF\":\"fail\",\"DKIM\":\"none\",\"DMARC\":\"fail\"}")
        .With("AttachmentCount", c.File is null ? 0 : 1).With("UrlCount", 1).With("EmailLanguage", "en").With("OrgLevelAction", "Allow")
        .With("LatestDeliveryLocation", "Quarantine").With("LatestDeliveryAction", "Moved to quarantine");

    private static JsonObject Account(JsonObject row, Chain c) => row
        .With("AccountName", c.Alert.RelatedUser!.UserName).With("AccountDomain", c.Alert.RelatedUser.DomainName).With("AccountUpn", c.Upn)
        .With("AccountObjectId", c.ObjectId).With("AccountDisplayName", c.Alert.RelatedUser.UserName);

    private static JsonObject Row(DateTimeOffset at, Chain chain, string kind) => new()
    {
        ["Timestamp"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["ReportId"] = Stable($"{kind}:{chain.Alert.Id}")[..16],
    };

    private static JsonObject With(this JsonObject row, string column, JsonNode? value)
    {
        row[column] = value;
        return row;
    }

    private static void Append(SqliteConnection connection, string tenantId, string table, IEnumerable<JsonObject> rows, SqliteTransaction? transaction) =>
        HuntingRowWriter.Append(connection, tenantId, table, rows, transaction);

    private static string Stable(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One alert's story: sent 30 minutes and clicked 10 minutes before the alert's first event.</summary>
    private sealed record Chain(Alert Alert, string DeviceName)
    {
        public DateTimeOffset Start => Alert.FirstEventTime!.Value;

        public DateTimeOffset Sent => Start.AddMinutes(-30);

        public DateTimeOffset Clicked => Start.AddMinutes(-10);

        public string Url => Alert.Evidence.First(e => e.Url is not null).Url!;

        public AlertEvidence? File => Alert.Evidence.FirstOrDefault(e => e.EntityType == "File" && e.FileName is not null);

        public string Upn => $"{Alert.RelatedUser!.UserName}@{Domain}";

        public string ObjectId => new Guid(Convert.FromHexString(Stable("user:" + Upn)[..32])).ToString();

        public string MessageId => new Guid(Convert.FromHexString(Stable("message:" + Alert.Id)[..32])).ToString();

        public string InternetMessageId => $"<{Stable("internet:" + Alert.Id)[..24]}@{SenderDomain}>";

        public string SenderDomain => AlertEvidence.HostOf(Url) ?? "fabrikam-billing.net";

        public string Sender => $"billing@{SenderDomain}";

        public string Subject => "Invoice overdue: action required";
    }
}
