CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Alerts" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "IncidentId" INTEGER NULL,
    "InvestigationId" INTEGER NULL,
    "InvestigationState" TEXT NULL,
    "AssignedTo" TEXT NULL,
    "RbacGroupName" TEXT NULL,
    "RecommendedAction" TEXT NULL,
    "Severity" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Classification" TEXT NULL,
    "Determination" TEXT NULL,
    "DetectionSource" TEXT NOT NULL,
    "DetectorId" TEXT NULL,
    "Category" TEXT NOT NULL,
    "ThreatFamilyName" TEXT NULL,
    "ThreatName" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "AlertCreationTime" INTEGER NOT NULL,
    "FirstEventTime" INTEGER NULL,
    "LastEventTime" INTEGER NULL,
    "LastUpdateTime" INTEGER NOT NULL,
    "ResolvedTime" INTEGER NULL,
    "MachineId" TEXT NOT NULL,
    "ComputerDnsName" TEXT NULL,
    "AadTenantId" TEXT NULL,
    "MitreTechniques" TEXT NOT NULL,
    "Comments" TEXT NULL,
    "RelatedUser" TEXT NULL,
    CONSTRAINT "PK_Alerts" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Apps" (
    "TenantId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ClientSecret" TEXT NOT NULL,
    "Roles" TEXT NOT NULL,
    "DelegatedScopes" TEXT NOT NULL,
    CONSTRAINT "PK_Apps" PRIMARY KEY ("TenantId", "ClientId")
);

CREATE TABLE "DeviceAvInfo" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "MachineId" TEXT NOT NULL,
    "ComputerDnsName" TEXT NOT NULL,
    "OsKind" TEXT NOT NULL,
    "OsPlatform" TEXT NOT NULL,
    "OsVersion" TEXT NULL,
    "AvMode" TEXT NOT NULL,
    "AvSignatureVersion" TEXT NULL,
    "AvEngineVersion" TEXT NULL,
    "AvPlatformVersion" TEXT NULL,
    "LastSeenTime" INTEGER NULL,
    "QuickScanResult" TEXT NOT NULL,
    "QuickScanError" TEXT NOT NULL,
    "QuickScanTime" INTEGER NULL,
    "FullScanResult" TEXT NOT NULL,
    "FullScanError" TEXT NOT NULL,
    "FullScanTime" INTEGER NULL,
    "DataRefreshTimestamp" INTEGER NULL,
    "AvEngineUpdateTime" INTEGER NULL,
    "AvSignatureUpdateTime" INTEGER NULL,
    "AvPlatformUpdateTime" INTEGER NULL,
    "AvIsSignatureUpToDate" TEXT NOT NULL,
    "AvIsEngineUpToDate" TEXT NOT NULL,
    "AvIsPlatformUpToDate" TEXT NOT NULL,
    "AvSignaturePublishTime" INTEGER NULL,
    "RbacGroupId" INTEGER NULL,
    "RbacGroupName" TEXT NULL,
    CONSTRAINT "PK_DeviceAvInfo" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Files" (
    "TenantId" TEXT NOT NULL,
    "Sha1" TEXT COLLATE NOCASE NOT NULL,
    "Sha256" TEXT COLLATE NOCASE NULL,
    "Md5" TEXT COLLATE NOCASE NULL,
    "GlobalPrevalence" INTEGER NULL,
    "GlobalFirstObserved" INTEGER NULL,
    "GlobalLastObserved" INTEGER NULL,
    "Size" INTEGER NULL,
    "FileType" TEXT NULL,
    "IsPeFile" INTEGER NOT NULL,
    "FilePublisher" TEXT NULL,
    "FileProductName" TEXT NULL,
    "Signer" TEXT NULL,
    "Issuer" TEXT NULL,
    "SignerHash" TEXT NULL,
    "IsValidCertificate" INTEGER NOT NULL,
    "DeterminationType" TEXT NULL,
    "DeterminationValue" TEXT NULL,
    "FileNames" TEXT NOT NULL,
    CONSTRAINT "PK_Files" PRIMARY KEY ("TenantId", "Sha1")
);

CREATE TABLE "Incidents" (
    "TenantId" TEXT NOT NULL,
    "IncidentId" INTEGER NOT NULL,
    "RedirectIncidentId" INTEGER NULL,
    "IncidentName" TEXT NOT NULL,
    "CreatedTime" INTEGER NOT NULL,
    "LastUpdateTime" INTEGER NOT NULL,
    "AssignedTo" TEXT NULL,
    "Classification" TEXT NOT NULL,
    "Determination" TEXT NOT NULL,
    "DetectionSource" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Comments" TEXT NULL,
    CONSTRAINT "PK_Incidents" PRIMARY KEY ("TenantId", "IncidentId")
);

CREATE TABLE "Indicators" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "IndicatorValue" TEXT NOT NULL,
    "IndicatorType" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Application" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SourceType" TEXT NOT NULL,
    "CreatedBySource" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CreationTimeDateTimeUtc" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedByApp" TEXT NOT NULL,
    "ExpirationTime" INTEGER NULL,
    "LastUpdateTime" INTEGER NOT NULL,
    "LastUpdatedBy" TEXT NULL,
    "Severity" TEXT NULL,
    "Description" TEXT NOT NULL,
    "RecommendedActions" TEXT NULL,
    "RbacGroupNames" TEXT NOT NULL,
    "RbacGroupIds" TEXT NOT NULL,
    "EducateUrl" TEXT NULL,
    "GenerateAlert" INTEGER NOT NULL,
    CONSTRAINT "PK_Indicators" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Investigations" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "StartTime" INTEGER NULL,
    "EndTime" INTEGER NULL,
    "State" TEXT NOT NULL,
    "CancelledBy" TEXT NULL,
    "StatusDetails" TEXT NULL,
    "MachineId" TEXT NOT NULL,
    "ComputerDnsName" TEXT NULL,
    "TriggeringAlertId" TEXT NULL,
    CONSTRAINT "PK_Investigations" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "LibraryFiles" (
    "TenantId" TEXT NOT NULL,
    "FileName" TEXT COLLATE NOCASE NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Description" TEXT NULL,
    "CreationTime" INTEGER NOT NULL,
    "LastUpdatedTime" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "HasParameters" INTEGER NOT NULL,
    "ParametersDescription" TEXT NULL,
    "Content" BLOB NOT NULL,
    "IsSigned" INTEGER NOT NULL,
    CONSTRAINT "PK_LibraryFiles" PRIMARY KEY ("TenantId", "FileName")
);

CREATE TABLE "MachineActions" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Scope" TEXT NULL,
    "Requestor" TEXT NULL,
    "RequestorComment" TEXT NULL,
    "Status" TEXT NOT NULL,
    "MachineId" TEXT NOT NULL,
    "ComputerDnsName" TEXT NULL,
    "CreationDateTimeUtc" INTEGER NOT NULL,
    "LastUpdateDateTimeUtc" INTEGER NOT NULL,
    "CancellationRequestor" TEXT NULL,
    "CancellationComment" TEXT NULL,
    "CancellationDateTimeUtc" INTEGER NULL,
    "ErrorHResult" INTEGER NOT NULL,
    "Title" TEXT NULL,
    "ExternalId" TEXT NULL,
    "RequestSource" TEXT NULL,
    "StartsAt" INTEGER NULL,
    "CompletesAt" INTEGER NULL,
    "Commands" TEXT NULL,
    "RelatedFileInfo" TEXT NULL,
    CONSTRAINT "PK_MachineActions" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "MachineRelatedItems" (
    "TenantId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "MachineId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    CONSTRAINT "PK_MachineRelatedItems" PRIMARY KEY ("TenantId", "MachineId", "Kind", "Id")
);

CREATE TABLE "Machines" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "ComputerDnsName" TEXT COLLATE NOCASE NOT NULL,
    "FirstSeen" INTEGER NOT NULL,
    "LastSeen" INTEGER NOT NULL,
    "OsPlatform" TEXT NOT NULL,
    "OnboardingStatus" TEXT NOT NULL,
    "OsProcessor" TEXT NULL,
    "Version" TEXT NULL,
    "OsBuild" INTEGER NULL,
    "LastIpAddress" TEXT NULL,
    "LastExternalIpAddress" TEXT NULL,
    "HealthStatus" TEXT NOT NULL,
    "RbacGroupName" TEXT NULL,
    "RbacGroupId" INTEGER NULL,
    "RiskScore" TEXT NULL,
    "AadDeviceId" TEXT NULL,
    "IsAadJoined" INTEGER NOT NULL,
    "MachineTags" TEXT NOT NULL,
    "ExposureLevel" TEXT NULL,
    "DeviceValue" TEXT NULL,
    "OsArchitecture" TEXT NULL,
    "AgentVersion" TEXT NOT NULL,
    "Isolation" TEXT NOT NULL,
    "CodeExecutionRestricted" INTEGER NOT NULL,
    "IpAddresses" TEXT NULL,
    CONSTRAINT "PK_Machines" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "MachineVulnerabilities" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "CveId" TEXT NOT NULL,
    "MachineId" TEXT NOT NULL,
    "FixingKbId" TEXT NULL,
    "ProductName" TEXT NULL,
    "ProductVendor" TEXT NULL,
    "ProductVersion" TEXT NULL,
    "Severity" TEXT NOT NULL,
    CONSTRAINT "PK_MachineVulnerabilities" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Recommendations" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "ProductName" TEXT NULL,
    "RecommendationName" TEXT NOT NULL,
    "Weaknesses" INTEGER NOT NULL,
    "Vendor" TEXT NULL,
    "RecommendedVersion" TEXT NULL,
    "RecommendedProgram" TEXT NULL,
    "RecommendedVendor" TEXT NULL,
    "RecommendationCategory" TEXT NOT NULL,
    "SubCategory" TEXT NULL,
    "SeverityScore" REAL NOT NULL,
    "PublicExploit" INTEGER NOT NULL,
    "ActiveAlert" INTEGER NOT NULL,
    "AssociatedThreats" TEXT NOT NULL,
    "RemediationType" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ConfigScoreImpact" REAL NOT NULL,
    "ExposureImpact" REAL NOT NULL,
    "TotalMachineCount" INTEGER NOT NULL,
    "ExposedMachinesCount" INTEGER NOT NULL,
    "NonProductivityImpactedAssets" INTEGER NOT NULL,
    "RelatedComponent" TEXT NULL,
    "ExposedCriticalDevices" INTEGER NOT NULL,
    "SoftwareId" TEXT NULL,
    CONSTRAINT "PK_Recommendations" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Software" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Vendor" TEXT NOT NULL,
    "Weaknesses" INTEGER NOT NULL,
    "PublicExploit" INTEGER NOT NULL,
    "ActiveAlert" INTEGER NOT NULL,
    "ExposedMachines" INTEGER NOT NULL,
    "ImpactScore" REAL NOT NULL,
    CONSTRAINT "PK_Software" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "Seed" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Features" TEXT NOT NULL
);

CREATE TABLE "TenantSequences" (
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Next" INTEGER NOT NULL,
    CONSTRAINT "PK_TenantSequences" PRIMARY KEY ("TenantId", "Name")
);

CREATE TABLE "UserAccounts" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "AccountName" TEXT COLLATE NOCASE NOT NULL,
    "AccountDomain" TEXT NOT NULL,
    "AccountSid" TEXT NULL,
    "FirstSeen" INTEGER NOT NULL,
    "LastSeen" INTEGER NOT NULL,
    "MostPrevalentMachineId" TEXT NULL,
    "LeastPrevalentMachineId" TEXT NULL,
    "LogonTypes" TEXT NULL,
    "LogOnMachinesCount" INTEGER NOT NULL,
    "IsDomainAdmin" INTEGER NOT NULL,
    "IsOnlyNetworkUser" INTEGER NOT NULL,
    CONSTRAINT "PK_UserAccounts" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "Users" (
    "TenantId" TEXT NOT NULL,
    "Upn" TEXT NOT NULL,
    "Password" TEXT NOT NULL,
    "ObjectId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Roles" TEXT NOT NULL,
    "AllDeviceGroups" INTEGER NOT NULL,
    "DeviceGroupIds" TEXT NOT NULL,
    CONSTRAINT "PK_Users" PRIMARY KEY ("TenantId", "Upn")
);

CREATE TABLE "Vulnerabilities" (
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Severity" TEXT NOT NULL,
    "CvssV3" REAL NULL,
    "CvssVector" TEXT NULL,
    "ExposedMachines" INTEGER NOT NULL,
    "PublishedOn" INTEGER NULL,
    "UpdatedOn" INTEGER NULL,
    "PublicExploit" INTEGER NOT NULL,
    "ExploitVerified" INTEGER NOT NULL,
    "ExploitInKit" INTEGER NOT NULL,
    "ExploitTypes" TEXT NOT NULL,
    "ExploitUris" TEXT NOT NULL,
    "CveSupportability" TEXT NOT NULL,
    "Epss" REAL NULL,
    "SoftwareIds" TEXT NOT NULL,
    CONSTRAINT "PK_Vulnerabilities" PRIMARY KEY ("TenantId", "Id")
);

CREATE TABLE "AlertEvidenceItems" (
    "TenantId" TEXT NOT NULL,
    "AlertId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Host" TEXT COLLATE NOCASE NULL,
    "EntityType" TEXT NOT NULL,
    "EvidenceCreationTime" INTEGER NOT NULL,
    "Sha1" TEXT COLLATE NOCASE NULL,
    "Sha256" TEXT COLLATE NOCASE NULL,
    "FileName" TEXT NULL,
    "FilePath" TEXT NULL,
    "ProcessId" INTEGER NULL,
    "ProcessCommandLine" TEXT NULL,
    "ProcessCreationTime" INTEGER NULL,
    "ParentProcessId" INTEGER NULL,
    "ParentProcessCreationTime" INTEGER NULL,
    "ParentProcessFileName" TEXT NULL,
    "ParentProcessFilePath" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Url" TEXT NULL,
    "RegistryKey" TEXT NULL,
    "RegistryHive" TEXT NULL,
    "RegistryValueType" TEXT NULL,
    "RegistryValue" TEXT NULL,
    "AccountName" TEXT COLLATE NOCASE NULL,
    "DomainName" TEXT NULL,
    "UserSid" TEXT NULL,
    "AadUserId" TEXT NULL,
    "UserPrincipalName" TEXT NULL,
    "DetectionStatus" TEXT NULL,
    CONSTRAINT "PK_AlertEvidenceItems" PRIMARY KEY ("TenantId", "AlertId", "Sequence"),
    CONSTRAINT "FK_AlertEvidenceItems_Alerts_TenantId_AlertId" FOREIGN KEY ("TenantId", "AlertId") REFERENCES "Alerts" ("TenantId", "Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AlertEvidenceItems_TenantId_Host" ON "AlertEvidenceItems" ("TenantId", "Host");

CREATE INDEX "IX_AlertEvidenceItems_TenantId_IpAddress" ON "AlertEvidenceItems" ("TenantId", "IpAddress");

CREATE INDEX "IX_AlertEvidenceItems_TenantId_Sha1" ON "AlertEvidenceItems" ("TenantId", "Sha1");

CREATE INDEX "IX_Alerts_TenantId_AlertCreationTime" ON "Alerts" ("TenantId", "AlertCreationTime");

CREATE INDEX "IX_Alerts_TenantId_IncidentId" ON "Alerts" ("TenantId", "IncidentId");

CREATE INDEX "IX_Alerts_TenantId_LastUpdateTime" ON "Alerts" ("TenantId", "LastUpdateTime");

CREATE INDEX "IX_Alerts_TenantId_MachineId" ON "Alerts" ("TenantId", "MachineId");

CREATE INDEX "IX_Files_TenantId_Sha256" ON "Files" ("TenantId", "Sha256");

CREATE INDEX "IX_Incidents_TenantId_CreatedTime" ON "Incidents" ("TenantId", "CreatedTime");

CREATE INDEX "IX_Incidents_TenantId_LastUpdateTime" ON "Incidents" ("TenantId", "LastUpdateTime");

CREATE UNIQUE INDEX "IX_Indicators_TenantId_IndicatorType_IndicatorValue" ON "Indicators" ("TenantId", "IndicatorType", "IndicatorValue");

CREATE INDEX "IX_Investigations_TenantId_TriggeringAlertId" ON "Investigations" ("TenantId", "TriggeringAlertId");

CREATE UNIQUE INDEX "IX_MachineActions_OneActivePerType" ON "MachineActions" ("TenantId", "MachineId", "Type") WHERE "Status" IN ('Pending', 'InProgress');

CREATE INDEX "IX_MachineActions_TenantId_Status" ON "MachineActions" ("TenantId", "Status");

CREATE INDEX "IX_Machines_TenantId_ComputerDnsName" ON "Machines" ("TenantId", "ComputerDnsName");

CREATE INDEX "IX_Machines_TenantId_LastIpAddress" ON "Machines" ("TenantId", "LastIpAddress");

CREATE INDEX "IX_Machines_TenantId_LastSeen" ON "Machines" ("TenantId", "LastSeen");

CREATE INDEX "IX_MachineVulnerabilities_TenantId_CveId" ON "MachineVulnerabilities" ("TenantId", "CveId");

CREATE INDEX "IX_UserAccounts_TenantId_AccountName" ON "UserAccounts" ("TenantId", "AccountName");

CREATE UNIQUE INDEX "IX_Users_TenantId_ObjectId" ON "Users" ("TenantId", "ObjectId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207180310_Initial', '10.0.5');

COMMIT;

