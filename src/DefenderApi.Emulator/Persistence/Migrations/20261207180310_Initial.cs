using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DefenderApi.Emulator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: true),
                    InvestigationState = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedTo = table.Column<string>(type: "TEXT", nullable: true),
                    RbacGroupName = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendedAction = table.Column<string>(type: "TEXT", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Classification = table.Column<string>(type: "TEXT", nullable: true),
                    Determination = table.Column<string>(type: "TEXT", nullable: true),
                    DetectionSource = table.Column<string>(type: "TEXT", nullable: false),
                    DetectorId = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    ThreatFamilyName = table.Column<string>(type: "TEXT", nullable: true),
                    ThreatName = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    AlertCreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstEventTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastEventTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUpdateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedTime = table.Column<long>(type: "INTEGER", nullable: true),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    ComputerDnsName = table.Column<string>(type: "TEXT", nullable: true),
                    AadTenantId = table.Column<string>(type: "TEXT", nullable: true),
                    MitreTechniques = table.Column<string>(type: "TEXT", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", nullable: true),
                    RelatedUser = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Apps",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    ClientSecret = table.Column<string>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", nullable: false),
                    DelegatedScopes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apps", x => new { x.TenantId, x.ClientId });
                });

            migrationBuilder.CreateTable(
                name: "DeviceAvInfo",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    ComputerDnsName = table.Column<string>(type: "TEXT", nullable: false),
                    OsKind = table.Column<string>(type: "TEXT", nullable: false),
                    OsPlatform = table.Column<string>(type: "TEXT", nullable: false),
                    OsVersion = table.Column<string>(type: "TEXT", nullable: true),
                    AvMode = table.Column<string>(type: "TEXT", nullable: false),
                    AvSignatureVersion = table.Column<string>(type: "TEXT", nullable: true),
                    AvEngineVersion = table.Column<string>(type: "TEXT", nullable: true),
                    AvPlatformVersion = table.Column<string>(type: "TEXT", nullable: true),
                    LastSeenTime = table.Column<long>(type: "INTEGER", nullable: true),
                    QuickScanResult = table.Column<string>(type: "TEXT", nullable: false),
                    QuickScanError = table.Column<string>(type: "TEXT", nullable: false),
                    QuickScanTime = table.Column<long>(type: "INTEGER", nullable: true),
                    FullScanResult = table.Column<string>(type: "TEXT", nullable: false),
                    FullScanError = table.Column<string>(type: "TEXT", nullable: false),
                    FullScanTime = table.Column<long>(type: "INTEGER", nullable: true),
                    DataRefreshTimestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    AvEngineUpdateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    AvSignatureUpdateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    AvPlatformUpdateTime = table.Column<long>(type: "INTEGER", nullable: true),
                    AvIsSignatureUpToDate = table.Column<string>(type: "TEXT", nullable: false),
                    AvIsEngineUpToDate = table.Column<string>(type: "TEXT", nullable: false),
                    AvIsPlatformUpToDate = table.Column<string>(type: "TEXT", nullable: false),
                    AvSignaturePublishTime = table.Column<long>(type: "INTEGER", nullable: true),
                    RbacGroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    RbacGroupName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceAvInfo", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha1 = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    Md5 = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    GlobalPrevalence = table.Column<long>(type: "INTEGER", nullable: true),
                    GlobalFirstObserved = table.Column<long>(type: "INTEGER", nullable: true),
                    GlobalLastObserved = table.Column<long>(type: "INTEGER", nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    FileType = table.Column<string>(type: "TEXT", nullable: true),
                    IsPeFile = table.Column<bool>(type: "INTEGER", nullable: false),
                    FilePublisher = table.Column<string>(type: "TEXT", nullable: true),
                    FileProductName = table.Column<string>(type: "TEXT", nullable: true),
                    Signer = table.Column<string>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", nullable: true),
                    SignerHash = table.Column<string>(type: "TEXT", nullable: true),
                    IsValidCertificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeterminationType = table.Column<string>(type: "TEXT", nullable: true),
                    DeterminationValue = table.Column<string>(type: "TEXT", nullable: true),
                    FileNames = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => new { x.TenantId, x.Sha1 });
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    RedirectIncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    IncidentName = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", nullable: true),
                    Classification = table.Column<string>(type: "TEXT", nullable: false),
                    Determination = table.Column<string>(type: "TEXT", nullable: false),
                    DetectionSource = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => new { x.TenantId, x.IncidentId });
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorValue = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorType = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Application = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBySource = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTimeDateTimeUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByApp = table.Column<string>(type: "TEXT", nullable: false),
                    ExpirationTime = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUpdateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    RecommendedActions = table.Column<string>(type: "TEXT", nullable: true),
                    RbacGroupNames = table.Column<string>(type: "TEXT", nullable: false),
                    RbacGroupIds = table.Column<string>(type: "TEXT", nullable: false),
                    EducateUrl = table.Column<string>(type: "TEXT", nullable: true),
                    GenerateAlert = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Investigations",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    StartTime = table.Column<long>(type: "INTEGER", nullable: true),
                    EndTime = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    CancelledBy = table.Column<string>(type: "TEXT", nullable: true),
                    StatusDetails = table.Column<string>(type: "TEXT", nullable: true),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    ComputerDnsName = table.Column<string>(type: "TEXT", nullable: true),
                    TriggeringAlertId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigations", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "LibraryFiles",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdatedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    HasParameters = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParametersDescription = table.Column<string>(type: "TEXT", nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IsSigned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryFiles", x => new { x.TenantId, x.FileName });
                });

            migrationBuilder.CreateTable(
                name: "MachineActions",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: true),
                    Requestor = table.Column<string>(type: "TEXT", nullable: true),
                    RequestorComment = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    ComputerDnsName = table.Column<string>(type: "TEXT", nullable: true),
                    CreationDateTimeUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUpdateDateTimeUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CancellationRequestor = table.Column<string>(type: "TEXT", nullable: true),
                    CancellationComment = table.Column<string>(type: "TEXT", nullable: true),
                    CancellationDateTimeUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorHResult = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    RequestSource = table.Column<string>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Commands = table.Column<string>(type: "TEXT", nullable: true),
                    RelatedFileInfo = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineActions", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "MachineRelatedItems",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineRelatedItems", x => new { x.TenantId, x.MachineId, x.Kind, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Machines",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ComputerDnsName = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    OsPlatform = table.Column<string>(type: "TEXT", nullable: false),
                    OnboardingStatus = table.Column<string>(type: "TEXT", nullable: false),
                    OsProcessor = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<string>(type: "TEXT", nullable: true),
                    OsBuild = table.Column<long>(type: "INTEGER", nullable: true),
                    LastIpAddress = table.Column<string>(type: "TEXT", nullable: true),
                    LastExternalIpAddress = table.Column<string>(type: "TEXT", nullable: true),
                    HealthStatus = table.Column<string>(type: "TEXT", nullable: false),
                    RbacGroupName = table.Column<string>(type: "TEXT", nullable: true),
                    RbacGroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    RiskScore = table.Column<string>(type: "TEXT", nullable: true),
                    AadDeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsAadJoined = table.Column<bool>(type: "INTEGER", nullable: false),
                    MachineTags = table.Column<string>(type: "TEXT", nullable: false),
                    ExposureLevel = table.Column<string>(type: "TEXT", nullable: true),
                    DeviceValue = table.Column<string>(type: "TEXT", nullable: true),
                    OsArchitecture = table.Column<string>(type: "TEXT", nullable: true),
                    AgentVersion = table.Column<string>(type: "TEXT", nullable: false),
                    Isolation = table.Column<string>(type: "TEXT", nullable: false),
                    CodeExecutionRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    IpAddresses = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Machines", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "MachineVulnerabilities",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    CveId = table.Column<string>(type: "TEXT", nullable: false),
                    MachineId = table.Column<string>(type: "TEXT", nullable: false),
                    FixingKbId = table.Column<string>(type: "TEXT", nullable: true),
                    ProductName = table.Column<string>(type: "TEXT", nullable: true),
                    ProductVendor = table.Column<string>(type: "TEXT", nullable: true),
                    ProductVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineVulnerabilities", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendationName = table.Column<string>(type: "TEXT", nullable: false),
                    Weaknesses = table.Column<long>(type: "INTEGER", nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendedVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendedProgram = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendedVendor = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendationCategory = table.Column<string>(type: "TEXT", nullable: false),
                    SubCategory = table.Column<string>(type: "TEXT", nullable: true),
                    SeverityScore = table.Column<double>(type: "REAL", nullable: false),
                    PublicExploit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActiveAlert = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssociatedThreats = table.Column<string>(type: "TEXT", nullable: false),
                    RemediationType = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    ConfigScoreImpact = table.Column<double>(type: "REAL", nullable: false),
                    ExposureImpact = table.Column<double>(type: "REAL", nullable: false),
                    TotalMachineCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ExposedMachinesCount = table.Column<long>(type: "INTEGER", nullable: false),
                    NonProductivityImpactedAssets = table.Column<long>(type: "INTEGER", nullable: false),
                    RelatedComponent = table.Column<string>(type: "TEXT", nullable: true),
                    ExposedCriticalDevices = table.Column<long>(type: "INTEGER", nullable: false),
                    SoftwareId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Software",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", nullable: false),
                    Weaknesses = table.Column<long>(type: "INTEGER", nullable: false),
                    PublicExploit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActiveAlert = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExposedMachines = table.Column<long>(type: "INTEGER", nullable: false),
                    ImpactScore = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Software", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Features = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenantSequences",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSequences", x => new { x.TenantId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "UserAccounts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    AccountDomain = table.Column<string>(type: "TEXT", nullable: false),
                    AccountSid = table.Column<string>(type: "TEXT", nullable: true),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    MostPrevalentMachineId = table.Column<string>(type: "TEXT", nullable: true),
                    LeastPrevalentMachineId = table.Column<string>(type: "TEXT", nullable: true),
                    LogonTypes = table.Column<string>(type: "TEXT", nullable: true),
                    LogOnMachinesCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDomainAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOnlyNetworkUser = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserAccounts", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Upn = table.Column<string>(type: "TEXT", nullable: false),
                    Password = table.Column<string>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", nullable: false),
                    AllDeviceGroups = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeviceGroupIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => new { x.TenantId, x.Upn });
                });

            migrationBuilder.CreateTable(
                name: "Vulnerabilities",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    CvssV3 = table.Column<double>(type: "REAL", nullable: true),
                    CvssVector = table.Column<string>(type: "TEXT", nullable: true),
                    ExposedMachines = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedOn = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicExploit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExploitVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExploitInKit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExploitTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ExploitUris = table.Column<string>(type: "TEXT", nullable: false),
                    CveSupportability = table.Column<string>(type: "TEXT", nullable: false),
                    Epss = table.Column<double>(type: "REAL", nullable: true),
                    SoftwareIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerabilities", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "AlertEvidenceItems",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    EntityType = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceCreationTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha1 = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    FileName = table.Column<string>(type: "TEXT", nullable: true),
                    FilePath = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcessCommandLine = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessCreationTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentProcessId = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentProcessCreationTime = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentProcessFileName = table.Column<string>(type: "TEXT", nullable: true),
                    ParentProcessFilePath = table.Column<string>(type: "TEXT", nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    RegistryKey = table.Column<string>(type: "TEXT", nullable: true),
                    RegistryHive = table.Column<string>(type: "TEXT", nullable: true),
                    RegistryValueType = table.Column<string>(type: "TEXT", nullable: true),
                    RegistryValue = table.Column<string>(type: "TEXT", nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", nullable: true, collation: "NOCASE"),
                    DomainName = table.Column<string>(type: "TEXT", nullable: true),
                    UserSid = table.Column<string>(type: "TEXT", nullable: true),
                    AadUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserPrincipalName = table.Column<string>(type: "TEXT", nullable: true),
                    DetectionStatus = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEvidenceItems", x => new { x.TenantId, x.AlertId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_AlertEvidenceItems_Alerts_TenantId_AlertId",
                        columns: x => new { x.TenantId, x.AlertId },
                        principalTable: "Alerts",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvidenceItems_TenantId_Host",
                table: "AlertEvidenceItems",
                columns: new[] { "TenantId", "Host" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvidenceItems_TenantId_IpAddress",
                table: "AlertEvidenceItems",
                columns: new[] { "TenantId", "IpAddress" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvidenceItems_TenantId_Sha1",
                table: "AlertEvidenceItems",
                columns: new[] { "TenantId", "Sha1" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_AlertCreationTime",
                table: "Alerts",
                columns: new[] { "TenantId", "AlertCreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_IncidentId",
                table: "Alerts",
                columns: new[] { "TenantId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_LastUpdateTime",
                table: "Alerts",
                columns: new[] { "TenantId", "LastUpdateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TenantId_MachineId",
                table: "Alerts",
                columns: new[] { "TenantId", "MachineId" });

            migrationBuilder.CreateIndex(
                name: "IX_Files_TenantId_Sha256",
                table: "Files",
                columns: new[] { "TenantId", "Sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_TenantId_CreatedTime",
                table: "Incidents",
                columns: new[] { "TenantId", "CreatedTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_TenantId_LastUpdateTime",
                table: "Incidents",
                columns: new[] { "TenantId", "LastUpdateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_TenantId_IndicatorType_IndicatorValue",
                table: "Indicators",
                columns: new[] { "TenantId", "IndicatorType", "IndicatorValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_TenantId_TriggeringAlertId",
                table: "Investigations",
                columns: new[] { "TenantId", "TriggeringAlertId" });

            migrationBuilder.CreateIndex(
                name: "IX_MachineActions_OneActivePerType",
                table: "MachineActions",
                columns: new[] { "TenantId", "MachineId", "Type" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'InProgress')");

            migrationBuilder.CreateIndex(
                name: "IX_MachineActions_TenantId_Status",
                table: "MachineActions",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_TenantId_ComputerDnsName",
                table: "Machines",
                columns: new[] { "TenantId", "ComputerDnsName" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_TenantId_LastIpAddress",
                table: "Machines",
                columns: new[] { "TenantId", "LastIpAddress" });

            migrationBuilder.CreateIndex(
                name: "IX_Machines_TenantId_LastSeen",
                table: "Machines",
                columns: new[] { "TenantId", "LastSeen" });

            migrationBuilder.CreateIndex(
                name: "IX_MachineVulnerabilities_TenantId_CveId",
                table: "MachineVulnerabilities",
                columns: new[] { "TenantId", "CveId" });

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_TenantId_AccountName",
                table: "UserAccounts",
                columns: new[] { "TenantId", "AccountName" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_TenantId_ObjectId",
                table: "Users",
                columns: new[] { "TenantId", "ObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertEvidenceItems");

            migrationBuilder.DropTable(
                name: "Apps");

            migrationBuilder.DropTable(
                name: "DeviceAvInfo");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Investigations");

            migrationBuilder.DropTable(
                name: "LibraryFiles");

            migrationBuilder.DropTable(
                name: "MachineActions");

            migrationBuilder.DropTable(
                name: "MachineRelatedItems");

            migrationBuilder.DropTable(
                name: "Machines");

            migrationBuilder.DropTable(
                name: "MachineVulnerabilities");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Software");

            migrationBuilder.DropTable(
                name: "Tenants");

            migrationBuilder.DropTable(
                name: "TenantSequences");

            migrationBuilder.DropTable(
                name: "UserAccounts");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Vulnerabilities");

            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
