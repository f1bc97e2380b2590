namespace DefenderApi.Hunting.Schema;

/// <summary>
/// The tables only the Defender XDR advanced hunting API serves (email, identity and cloud app events), with the
/// columns of their schema reference pages ("EmailEvents", "EmailAttachmentInfo", "EmailUrlInfo",
/// "EmailPostDeliveryEvents", "UrlClickEvents", "IdentityLogonEvents", "IdentityQueryEvents",
/// "IdentityDirectoryEvents", "CloudAppEvents" in the advanced hunting schema reference,
/// https://learn.microsoft.com/defender-xdr/advanced-hunting-schema-tables).
/// </summary>
internal static class HuntingXdrTableDefinitions
{
    private const string Account =
        "AccountName:string AccountDomain:string AccountUpn:string AccountSid:string AccountObjectId:string AccountDisplayName:string";

    public static IReadOnlyList<HuntingTable> All() =>
    [
        HuntingTableDefinitions.Table("EmailEvents",
            "Timestamp:datetime NetworkMessageId:string InternetMessageId:string SenderMailFromAddress:string SenderFromAddress:string " +
            "SenderDisplayName:string SenderObjectId:string SenderMailFromDomain:string SenderFromDomain:string SenderIPv4:string " +
            "SenderIPv6:string RecipientEmailAddress:string RecipientObjectId:string Subject:string EmailClusterId:long " +
            "EmailDirection:string DeliveryAction:string DeliveryLocation:string ThreatTypes:string ThreatNames:string " +
            "DetectionMethods:string ConfidenceLevel:string BulkComplaintLevel:int EmailAction:string EmailActionPolicy:string " +
            "EmailActionPolicyGuid:string AuthenticationDetails:string AttachmentCount:int UrlCount:int EmailLanguage:string " +
            "Connectors:string OrgLevelAction:string OrgLevelPolicy:string UserLevelAction:string UserLevelPolicy:string " +
            "LatestDeliveryLocation:string LatestDeliveryAction:string ReportId:string AdditionalFields:dynamic"),
        HuntingTableDefinitions.Table("EmailAttachmentInfo",
            "Timestamp:datetime NetworkMessageId:string SenderFromAddress:string SenderDisplayName:string SenderObjectId:string " +
            "RecipientEmailAddress:string RecipientObjectId:string FileName:string FileType:string SHA256:string FileSize:long " +
            "ThreatTypes:string ThreatNames:string DetectionMethods:string ReportId:string"),
        HuntingTableDefinitions.Table("EmailUrlInfo",
            "Timestamp:datetime NetworkMessageId:string Url:string UrlDomain:string UrlLocation:string ReportId:string"),
        HuntingTableDefinitions.Table("EmailPostDeliveryEvents",
            "Timestamp:datetime NetworkMessageId:string InternetMessageId:string Action:string ActionType:string ActionTrigger:string " +
            "ActionResult:string RecipientEmailAddress:string DeliveryLocation:string ThreatTypes:string DetectionMethods:string ReportId:string"),
        HuntingTableDefinitions.Table("UrlClickEvents",
            "Timestamp:datetime Url:string ActionType:string AccountUpn:string Workload:string NetworkMessageId:string " +
            "ThreatTypes:string DetectionMethods:string IPAddress:string IsClickedThrough:bool UrlChain:string ReportId:string"),
        HuntingTableDefinitions.Table("IdentityLogonEvents",
            "Timestamp:datetime ActionType:string Application:string LogonType:string Protocol:string FailureReason:string " +
            Account + " DeviceName:string DeviceType:string OSPlatform:string IPAddress:string Port:int DestinationDeviceName:string " +
            "DestinationIPAddress:string DestinationPort:int TargetDeviceName:string TargetAccountDisplayName:string Location:string " +
            "ISP:string ReportId:string AdditionalFields:dynamic"),
        HuntingTableDefinitions.Table("IdentityQueryEvents",
            "Timestamp:datetime ActionType:string Application:string QueryType:string QueryTarget:string Query:string Protocol:string " +
            Account + " DeviceName:string IPAddress:string Port:int DestinationDeviceName:string DestinationIPAddress:string " +
            "DestinationPort:int TargetDeviceName:string TargetAccountUpn:string TargetAccountDisplayName:string Location:string " +
            "ReportId:string AdditionalFields:dynamic"),
        HuntingTableDefinitions.Table("IdentityDirectoryEvents",
            "Timestamp:datetime ActionType:string Application:string TargetAccountUpn:string TargetAccountDisplayName:string " +
            "TargetDeviceName:string DestinationDeviceName:string DestinationIPAddress:string DestinationPort:int Protocol:string " +
            Account + " DeviceName:string IPAddress:string Port:int Location:string ISP:string ReportId:string AdditionalFields:dynamic"),
        HuntingTableDefinitions.Table("CloudAppEvents",
            "Timestamp:datetime ActionType:string Application:string ApplicationId:int AccountObjectId:string AccountId:string " +
            "AccountDisplayName:string IsAdminOperation:bool DeviceType:string OSPlatform:string IPAddress:string " +
            "IsAnonymousProxy:bool CountryCode:string City:string Isp:string UserAgent:string ActivityType:string " +
            "ActivityObjects:dynamic ObjectName:string ObjectType:string ObjectId:string ReportId:string AccountType:string " +
            "IsExternalUser:bool IsImpersonated:bool IPTags:dynamic IPCategory:string UserAgentTags:dynamic RawEventData:dynamic " +
            "AdditionalFields:dynamic"),
    ];
}
