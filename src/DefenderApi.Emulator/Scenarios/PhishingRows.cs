using System.Text.Json.Nodes;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>
/// The Defender XDR rows of the phishing scenario, in the columns the XDR schema documents: the delivered e-mail and
/// its URL (EmailEvents, EmailUrlInfo), the click (UrlClickEvents), the e-mail's removal after delivery
/// (EmailPostDeliveryEvents), the directory reconnaissance with the stolen account (IdentityQueryEvents), its logon to
/// the second device (IdentityLogonEvents) and its mailbox access (CloudAppEvents).
/// </summary>
internal static class PhishingRows
{
    public const string Url = "https://login.microsoftonline.example-secure.net/owa/auth";
    public const string Upn = "alice@contoso.com";
    private const string SenderDomain = "example-secure.net";
    private const string Subject = "Your mailbox is almost full: sign in to keep receiving mail";

    // Stable per run: the e-mail rows of one run share it, and hunting joins them on it.
    public static string MessageId(ScenarioContext context) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"message:{context.RunId}"))[..16]).ToString();

    public static JsonObject Email(ScenarioContext context) => new()
    {
        ["NetworkMessageId"] = MessageId(context), ["InternetMessageId"] = $"<{MessageId(context)[..13]}@{SenderDomain}>",
        ["SenderMailFromAddress"] = $"it-support@{SenderDomain}", ["SenderFromAddress"] = $"it-support@{SenderDomain}",
        ["SenderDisplayName"] = "IT Support", ["SenderMailFromDomain"] = SenderDomain, ["SenderFromDomain"] = SenderDomain,
        ["SenderIPv4"] = "203.0.113.50", ["RecipientEmailAddress"] = Upn, ["Subject"] = Subject, ["EmailDirection"] = "Inbound",
        ["DeliveryAction"] = "Delivered", ["DeliveryLocation"] = "Inbox/folder", ["UrlCount"] = 1, ["AttachmentCount"] = 0,
        ["EmailLanguage"] = "en", ["OrgLevelAction"] = "Allow", ["LatestDeliveryLocation"] = "Inbox/folder", ["LatestDeliveryAction"] = "Delivered",
    };

    public static JsonObject EmailUrl(ScenarioContext context) => new()
    {
        ["NetworkMessageId"] = MessageId(context), ["Url"] = Url, ["UrlDomain"] = "login.microsoftonline.example-secure.net", ["UrlLocation"] = "Body",
    };

    public static JsonObject Click(ScenarioContext context) => new()
    {
        ["Url"] = Url, ["ActionType"] = "ClickAllowed", ["AccountUpn"] = Upn, ["Workload"] = "Email", ["NetworkMessageId"] = MessageId(context),
        ["IPAddress"] = "10.1.0.23", ["IsClickedThrough"] = true, ["UrlChain"] = new JsonArray(Url).ToJsonString(),
    };

    public static JsonObject Quarantine(ScenarioContext context) => new()
    {
        ["NetworkMessageId"] = MessageId(context), ["Action"] = "Moved to quarantine", ["ActionType"] = "Phish ZAP", ["ActionTrigger"] = "SpecialAction",
        ["ActionResult"] = "Success", ["RecipientEmailAddress"] = Upn, ["DeliveryLocation"] = "Quarantine", ["ThreatTypes"] = "Phish",
        ["DetectionMethods"] = "URL detonation reputation",
    };

    public static JsonObject Reconnaissance(string deviceName) => Account(new JsonObject
    {
        ["ActionType"] = "SAMR query", ["Application"] = "Active Directory", ["QueryType"] = "QueryDomainGroupMembers", ["QueryTarget"] = "Domain Admins",
        ["Protocol"] = "Samr", ["DeviceName"] = deviceName, ["DestinationDeviceName"] = "dc01.contoso.com", ["DestinationPort"] = 445,
    });

    public static JsonObject Logon(string deviceName, string? fromIp) => Account(new JsonObject
    {
        ["ActionType"] = "LogonSuccess", ["Application"] = "Active Directory", ["LogonType"] = "RemoteInteractive", ["Protocol"] = "Kerberos",
        ["DeviceName"] = deviceName, ["IPAddress"] = fromIp, ["DestinationDeviceName"] = "dc01.contoso.com", ["DestinationPort"] = 88,
    });

    public static JsonObject MailboxAccess() => Account(new JsonObject
    {
        ["ActionType"] = "MailItemsAccessed", ["Application"] = "Microsoft Exchange Online", ["ApplicationId"] = 20893, ["IsAdminOperation"] = false,
        ["IPAddress"] = "203.0.113.50", ["CountryCode"] = "NL", ["ActivityType"] = "Basic", ["ObjectType"] = "Email", ["AccountType"] = "Regular",
        ["IsExternalUser"] = false, ["IsImpersonated"] = false,
    }, upn: false);

    private static JsonObject Account(JsonObject row, bool upn = true)
    {
        row["AccountDisplayName"] = "alice";
        if (upn)
        {
            row["AccountName"] = "alice";
            row["AccountDomain"] = "contoso";
            row["AccountUpn"] = Upn;
        }

        return row;
    }
}
