namespace DefenderApi.Hunting.Schema;

/// <summary>
/// The column lists of the advanced hunting schema reference pages, written as "Name:type" so the table
/// reads like the documentation's column table.
/// </summary>
internal static class HuntingTableDefinitions
{
    private const string InitiatingProcess =
        "InitiatingProcessAccountDomain:string InitiatingProcessAccountName:string InitiatingProcessAccountSid:string " +
        "InitiatingProcessAccountUpn:string InitiatingProcessAccountObjectId:string InitiatingProcessSHA1:string " +
        "InitiatingProcessSHA256:string InitiatingProcessMD5:string InitiatingProcessFileName:string InitiatingProcessFileSize:long " +
        "InitiatingProcessVersionInfoCompanyName:string InitiatingProcessVersionInfoProductName:string " +
        "InitiatingProcessVersionInfoProductVersion:string InitiatingProcessVersionInfoInternalFileName:string " +
        "InitiatingProcessVersionInfoOriginalFileName:string InitiatingProcessVersionInfoFileDescription:string " +
        "InitiatingProcessId:long InitiatingProcessCommandLine:string InitiatingProcessCreationTime:datetime " +
        "InitiatingProcessFolderPath:string InitiatingProcessParentId:long InitiatingProcessParentFileName:string " +
        "InitiatingProcessParentCreationTime:datetime InitiatingProcessIntegrityLevel:string InitiatingProcessTokenElevation:string " +
        "InitiatingProcessUniqueId:string InitiatingProcessSessionId:long InitiatingProcessRemoteSessionDeviceName:string " +
        "InitiatingProcessRemoteSessionIP:string IsInitiatingProcessRemoteSession:bool";

    private const string DeviceHeader = "Timestamp:datetime DeviceId:string DeviceName:string ActionType:string";

    private const string FileIdentity = "FileName:string FolderPath:string SHA1:string SHA256:string MD5:string";

    public static IReadOnlyList<HuntingTable> All() =>
    [
        Table("DeviceInfo",
            "Timestamp:datetime DeviceId:string DeviceName:string ClientVersion:string PublicIP:string OSArchitecture:string " +
            "OSPlatform:string OSBuild:long IsAzureADJoined:bool JoinType:string AadDeviceId:string LoggedOnUsers:dynamic " +
            "RegistryDeviceTag:string OSVersion:string MachineGroup:string ReportId:long OnboardingStatus:string " +
            "AdditionalFields:dynamic DeviceCategory:string DeviceType:string DeviceSubtype:string Model:string Vendor:string " +
            "OSDistribution:string OSVersionInfo:string MergedDeviceIds:string MergedToDeviceId:string IsInternetFacing:bool " +
            "SensorHealthState:string IsExcluded:bool ExclusionReason:string ExposureLevel:string AssetValue:string " +
            "DeviceManualTags:dynamic DeviceDynamicTags:dynamic HardwareUuid:string CloudPlatforms:string AzureVmId:string " +
            "AzureResourceId:string IsTransient:bool OsBuildRevision:string HostDeviceId:string ConnectivityType:string"),
        Table("DeviceNetworkInfo",
            "Timestamp:datetime DeviceId:string DeviceName:string NetworkAdapterName:string MacAddress:string " +
            "NetworkAdapterType:string NetworkAdapterStatus:string TunnelType:string ConnectedNetworks:dynamic " +
            "DnsAddresses:dynamic IPv4Dhcp:string IPv6Dhcp:string DefaultGateways:dynamic IPAddresses:dynamic ReportId:long " +
            "NetworkAdapterVendor:string"),
        Table("DeviceProcessEvents",
            $"{DeviceHeader} {FileIdentity} FileSize:long ProcessVersionInfoCompanyName:string ProcessVersionInfoProductName:string " +
            "ProcessVersionInfoProductVersion:string ProcessVersionInfoInternalFileName:string ProcessVersionInfoOriginalFileName:string " +
            "ProcessVersionInfoFileDescription:string ProcessId:long ProcessCommandLine:string ProcessIntegrityLevel:string " +
            "ProcessTokenElevation:string ProcessCreationTime:datetime AccountDomain:string AccountName:string AccountSid:string " +
            "AccountUpn:string AccountObjectId:string LogonId:long InitiatingProcessLogonId:long " +
            $"{InitiatingProcess} InitiatingProcessSignerType:string InitiatingProcessSignatureStatus:string ReportId:long " +
            "AppGuardContainerId:string AdditionalFields:dynamic ProcessRemoteSessionDeviceName:string ProcessRemoteSessionIP:string " +
            "ProcessUniqueId:string CreatedProcessSessionId:long IsProcessRemoteSession:bool"),
        Table("DeviceNetworkEvents",
            $"{DeviceHeader} RemoteIP:string RemotePort:int RemoteUrl:string LocalIP:string LocalPort:int Protocol:string " +
            $"LocalIPType:string RemoteIPType:string {InitiatingProcess} ReportId:long AppGuardContainerId:string AdditionalFields:dynamic"),
        Table("DeviceFileEvents",
            $"{DeviceHeader} {FileIdentity} FileOriginUrl:string FileOriginReferrerUrl:string FileOriginIP:string " +
            $"PreviousFolderPath:string PreviousFileName:string FileSize:long {InitiatingProcess} RequestProtocol:string " +
            "RequestSourceIP:string RequestSourcePort:int RequestAccountName:string RequestAccountDomain:string " +
            "RequestAccountSid:string ShareName:string SensitivityLabel:string SensitivitySubLabel:string " +
            "IsAzureInfoProtectionApplied:bool ReportId:long AppGuardContainerId:string AdditionalFields:dynamic"),
        Table("DeviceRegistryEvents",
            $"{DeviceHeader} RegistryKey:string RegistryValueType:string RegistryValueName:string RegistryValueData:string " +
            "PreviousRegistryKey:string PreviousRegistryValueName:string PreviousRegistryValueData:string " +
            $"{InitiatingProcess} ReportId:long AppGuardContainerId:string"),
        Table("DeviceLogonEvents",
            $"{DeviceHeader} LogonType:string AccountDomain:string AccountName:string AccountSid:string Protocol:string " +
            "FailureReason:string IsLocalAdmin:bool LogonId:long RemoteDeviceName:string RemoteIP:string RemoteIPType:string " +
            $"RemotePort:int {InitiatingProcess} ReportId:long AppGuardContainerId:string AdditionalFields:dynamic"),
        Table("DeviceImageLoadEvents",
            $"{DeviceHeader} {FileIdentity} FileSize:long {InitiatingProcess} ReportId:long AppGuardContainerId:string"),
        Table("DeviceEvents",
            $"{DeviceHeader} {FileIdentity} FileSize:long AccountDomain:string AccountName:string AccountSid:string " +
            "RemoteUrl:string RemoteDeviceName:string ProcessId:long ProcessCommandLine:string ProcessCreationTime:datetime " +
            "ProcessTokenElevation:string LogonId:long RegistryKey:string RegistryValueName:string RegistryValueData:string " +
            "RemoteIP:string RemotePort:int LocalIP:string LocalPort:int FileOriginUrl:string FileOriginIP:string " +
            $"AdditionalFields:dynamic {InitiatingProcess} ReportId:long AppGuardContainerId:string " +
            "CreatedProcessSessionId:long IsProcessRemoteSession:bool ProcessRemoteSessionDeviceName:string ProcessRemoteSessionIP:string"),
        Table("DeviceFileCertificateInfo",
            "Timestamp:datetime DeviceId:string DeviceName:string SHA1:string IsSigned:bool SignatureType:string Signer:string " +
            "SignerHash:string Issuer:string IssuerHash:string CertificateSerialNumber:string CrlDistributionPointUrls:dynamic " +
            "CertificateCreationTime:datetime CertificateExpirationTime:datetime CertificateCountersignatureTime:datetime " +
            "IsTrusted:bool IsRootSignerMicrosoft:bool ReportId:long"),
        Table("AlertInfo",
            "Timestamp:datetime AlertId:string Title:string Category:string Severity:string ServiceSource:string " +
            "DetectionSource:string AttackTechniques:string"),
        Table("AlertEvidence",
            "Timestamp:datetime AlertId:string Title:string Categories:string AttackTechniques:string ServiceSource:string " +
            "DetectionSource:string EntityType:string EvidenceRole:string EvidenceDirection:string FileName:string " +
            "FolderPath:string SHA1:string SHA256:string FileSize:long ThreatFamily:string RemoteIP:string RemoteUrl:string " +
            "AccountName:string AccountDomain:string AccountSid:string AccountObjectId:string AccountUpn:string DeviceId:string " +
            "DeviceName:string LocalIP:string NetworkMessageId:string EmailSubject:string ApplicationId:long Application:string " +
            "ProcessCommandLine:string AdditionalFields:dynamic RegistryKey:string RegistryValueName:string RegistryValueData:string"),
    ];

    /// <summary>
    /// The vulnerability management tables: snapshots (no lookback), whose rows the host derives from its vulnerability
    /// management data when a query reads them.
    /// </summary>
    public static IReadOnlyList<HuntingTable> Vulnerability() =>
    [
        Table("DeviceTvmSoftwareVulnerabilities",
            "DeviceId:string DeviceName:string OSPlatform:string OSVersion:string OSArchitecture:string SoftwareVendor:string " +
            "SoftwareName:string SoftwareVersion:string CveId:string VulnerabilitySeverityLevel:string " +
            "RecommendedSecurityUpdate:string RecommendedSecurityUpdateId:string CveTags:dynamic CveMitigationStatus:string",
            snapshot: true),
        Table("DeviceTvmSoftwareVulnerabilitiesKB",
            "CveId:string CvssScore:real CvssVector:string CveSupportability:string IsExploitAvailable:bool " +
            "VulnerabilitySeverityLevel:string LastModifiedTime:datetime PublishedDate:datetime VulnerabilityDescription:string " +
            "AffectedSoftware:dynamic EpssScore:real",
            snapshot: true),
        Table("DeviceTvmSecureConfigurationAssessment",
            "DeviceId:string DeviceName:string OSPlatform:string Timestamp:datetime ConfigurationId:string " +
            "ConfigurationCategory:string ConfigurationSubcategory:string ConfigurationImpact:real IsCompliant:bool " +
            "IsApplicable:bool Context:dynamic IsExpectedUserImpact:bool",
            snapshot: true),
        Table("DeviceTvmSecureConfigurationAssessmentKB",
            "ConfigurationId:string ConfigurationImpact:real ConfigurationName:string ConfigurationDescription:string " +
            "RiskDescription:string ConfigurationCategory:string ConfigurationSubcategory:string ConfigurationBenchmarks:dynamic " +
            "Tags:dynamic RemediationOptions:string",
            snapshot: true),
        Table("DeviceTvmSoftwareInventory",
            "DeviceId:string DeviceName:string OSPlatform:string OSVersion:string OSArchitecture:string SoftwareVendor:string " +
            "SoftwareName:string SoftwareVersion:string EndOfSupportStatus:string EndOfSupportDate:datetime ProductCodeCpe:string",
            snapshot: true),
    ];

    /// <summary>A table from its name and its "Name:type" column list; a snapshot has no lookback.</summary>
    internal static HuntingTable Table(string name, string columns, bool snapshot = false) =>
        new(name, [.. columns.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseColumn)], snapshot);

    private static HuntingColumn ParseColumn(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        return new HuntingColumn(spec[..colon], KqlTypeNames.Parse(spec[(colon + 1)..]));
    }
}
