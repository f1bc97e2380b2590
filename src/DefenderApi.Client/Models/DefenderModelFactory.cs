namespace DefenderApi.Client.Models;

/// <summary>Builds model instances for users' tests and mocks, with every property optional.</summary>
public static partial class DefenderModelFactory
{
    /// <summary>Creates a <see cref="Machine"/>.</summary>
    /// <param name="id">The device identity.</param>
    /// <param name="computerDnsName">The fully qualified name.</param>
    /// <param name="firstSeen">First date and time the device was observed.</param>
    /// <param name="lastSeen">Time of the last received full device report (about every 24 hours).</param>
    /// <param name="osPlatform">Operating system platform.</param>
    /// <param name="onboardingStatus">Onboarding status: <c>onboarded</c>, <c>CanBeOnboarded</c>, <c>Unsupported</c> or <c>InsufficientInfo</c>.</param>
    /// <param name="osProcessor">Processor (deprecated; use <see cref="Machine.OsArchitecture"/>).</param>
    /// <param name="version">Operating system version.</param>
    /// <param name="osBuild">Operating system build number.</param>
    /// <param name="lastIpAddress">Last IP address on a local network adapter.</param>
    /// <param name="lastExternalIpAddress">Last IP address the device used to reach the internet.</param>
    /// <param name="healthStatus">Sensor health: <c>Active</c>, <c>Inactive</c>, <c>ImpairedCommunication</c>, <c>NoSensorData</c>, <c>NoSensorDataImpairedCommunication</c> or <c>Unknown</c>.</param>
    /// <param name="rbacGroupName">Device group name.</param>
    /// <param name="rbacGroupId">Device group id (documented as a string; sent as a number in examples, both are read).</param>
    /// <param name="riskScore">Risk score: <c>None</c>, <c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</param>
    /// <param name="aadDeviceId">Microsoft Entra device id, when joined.</param>
    /// <param name="machineTags">Tags of the device.</param>
    /// <param name="exposureLevel">Exposure level: <c>None</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</param>
    /// <param name="deviceValue">Device value: <c>Normal</c>, <c>Low</c> or <c>High</c>.</param>
    /// <param name="ipAddresses">The device's adapters and their addresses.</param>
    /// <param name="osArchitecture"><c>32-bit</c> or <c>64-bit</c>.</param>
    /// <param name="isAadJoined">Whether the device is joined to Microsoft Entra ID (examples only).</param>
    /// <returns>The model.</returns>
    public static Machine Machine(string? id = null, string? computerDnsName = null, DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null, string? osPlatform = null, string? onboardingStatus = null, string? osProcessor = null, string? version = null, long? osBuild = null, string? lastIpAddress = null, string? lastExternalIpAddress = null, string? healthStatus = null, string? rbacGroupName = null, string? rbacGroupId = null, string? riskScore = null, Guid? aadDeviceId = null, IReadOnlyList<string>? machineTags = null, string? exposureLevel = null, string? deviceValue = null, IReadOnlyList<MachineIpAddress>? ipAddresses = null, string? osArchitecture = null, bool? isAadJoined = null) => new()
    {
        Id = id,
        ComputerDnsName = computerDnsName,
        FirstSeen = firstSeen,
        LastSeen = lastSeen,
        OsPlatform = osPlatform,
        OnboardingStatus = onboardingStatus,
        OsProcessor = osProcessor,
        Version = version,
        OsBuild = osBuild,
        LastIpAddress = lastIpAddress,
        LastExternalIpAddress = lastExternalIpAddress,
        HealthStatus = healthStatus,
        RbacGroupName = rbacGroupName,
        RbacGroupId = rbacGroupId,
        RiskScore = riskScore,
        AadDeviceId = aadDeviceId,
        MachineTags = machineTags,
        ExposureLevel = exposureLevel,
        DeviceValue = deviceValue,
        IpAddresses = ipAddresses,
        OsArchitecture = osArchitecture,
        IsAadJoined = isAadJoined,
    };

    /// <summary>Creates a <see cref="MachineIpAddress"/>.</summary>
    /// <param name="ipAddress">The IP address.</param>
    /// <param name="macAddress">The adapter's MAC address.</param>
    /// <param name="operationalStatus">Adapter status, e.g. <c>Up</c>.</param>
    /// <returns>The model.</returns>
    public static MachineIpAddress MachineIpAddress(string? ipAddress = null, string? macAddress = null, string? operationalStatus = null) => new()
    {
        IpAddress = ipAddress,
        MacAddress = macAddress,
        OperationalStatus = operationalStatus,
    };

    /// <summary>Creates a <see cref="MachineReference"/>.</summary>
    /// <param name="id">The device id.</param>
    /// <param name="computerDnsName">The device name.</param>
    /// <param name="osPlatform">Operating system platform.</param>
    /// <param name="rbacGroupName">Device group name.</param>
    /// <returns>The model.</returns>
    public static MachineReference MachineReference(string? id = null, string? computerDnsName = null, string? osPlatform = null, string? rbacGroupName = null) => new()
    {
        Id = id,
        ComputerDnsName = computerDnsName,
        OsPlatform = osPlatform,
        RbacGroupName = rbacGroupName,
    };

    /// <summary>Creates a <see cref="MachineAction"/>.</summary>
    /// <param name="id">The action id (a GUID).</param>
    /// <param name="type"><c>RunAntiVirusScan</c>, <c>Offboard</c>, <c>LiveResponse</c>, <c>CollectInvestigationPackage</c>, <c>Isolate</c>, <c>Unisolate</c>, <c>StopAndQuarantineFile</c>, <c>RestrictCodeExecution</c> or <c>UnrestrictCodeExecution</c>.</param>
    /// <param name="scope"><c>Full</c>/<c>Selective</c> for isolation, <c>Quick</c>/<c>Full</c> for an antivirus scan, otherwise null.</param>
    /// <param name="requestor">Who requested the action.</param>
    /// <param name="externalId">Id the caller gave for its own correlation.</param>
    /// <param name="requestSource">Where the request came from.</param>
    /// <param name="commands">Live response commands and their progress.</param>
    /// <param name="cancellationRequestor">Who cancelled the action.</param>
    /// <param name="requestorComment">The comment given with the request.</param>
    /// <param name="cancellationComment">The comment given with the cancellation.</param>
    /// <param name="status"><c>Pending</c>, <c>InProgress</c>, <c>Succeeded</c>, <c>Failed</c>, <c>TimeOut</c> or <c>Cancelled</c>.</param>
    /// <param name="machineId">The device the action runs on.</param>
    /// <param name="computerDnsName">The device name.</param>
    /// <param name="creationDateTimeUtc">When the action was created.</param>
    /// <param name="cancellationDateTimeUtc">When the action was cancelled.</param>
    /// <param name="lastUpdateDateTimeUtc">When the action status last changed.</param>
    /// <param name="title">The action title.</param>
    /// <param name="relatedFileInfo">The file the action is about (stop and quarantine).</param>
    /// <param name="errorHResult">The error result of a failed action (live response examples).</param>
    /// <returns>The model.</returns>
    public static MachineAction MachineAction(string? id = null, string? type = null, string? scope = null, string? requestor = null, string? externalId = null, string? requestSource = null, IReadOnlyList<LiveResponseCommandStatus>? commands = null, string? cancellationRequestor = null, string? requestorComment = null, string? cancellationComment = null, string? status = null, string? machineId = null, string? computerDnsName = null, DateTimeOffset? creationDateTimeUtc = null, DateTimeOffset? cancellationDateTimeUtc = null, DateTimeOffset? lastUpdateDateTimeUtc = null, string? title = null, RelatedFileInfo? relatedFileInfo = null, int? errorHResult = null) => new()
    {
        Id = id,
        Type = type,
        Scope = scope,
        Requestor = requestor,
        ExternalId = externalId,
        RequestSource = requestSource,
        Commands = commands,
        CancellationRequestor = cancellationRequestor,
        RequestorComment = requestorComment,
        CancellationComment = cancellationComment,
        Status = status,
        MachineId = machineId,
        ComputerDnsName = computerDnsName,
        CreationDateTimeUtc = creationDateTimeUtc,
        CancellationDateTimeUtc = cancellationDateTimeUtc,
        LastUpdateDateTimeUtc = lastUpdateDateTimeUtc,
        Title = title,
        RelatedFileInfo = relatedFileInfo,
        ErrorHResult = errorHResult,
    };

    /// <summary>Creates a <see cref="RelatedFileInfo"/>.</summary>
    /// <param name="fileIdentifier">The file identifier.</param>
    /// <param name="fileIdentifierType"><c>Sha1</c>, <c>Sha256</c> or <c>Md5</c>.</param>
    /// <returns>The model.</returns>
    public static RelatedFileInfo RelatedFileInfo(string? fileIdentifier = null, string? fileIdentifierType = null) => new()
    {
        FileIdentifier = fileIdentifier,
        FileIdentifierType = fileIdentifierType,
    };

    /// <summary>Creates a <see cref="LiveResponseCommandStatus"/>.</summary>
    /// <param name="index">Zero-based command index.</param>
    /// <param name="startTime">When the command started.</param>
    /// <param name="endTime">When the command ended.</param>
    /// <param name="commandStatus"><c>Created</c>, <c>Completed</c> or <c>Failed</c>.</param>
    /// <param name="errors">Errors of the command.</param>
    /// <param name="command">The command itself.</param>
    /// <returns>The model.</returns>
    public static LiveResponseCommandStatus LiveResponseCommandStatus(int? index = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? commandStatus = null, IReadOnlyList<string>? errors = null, LiveResponseCommand? command = null) => new()
    {
        Index = index,
        StartTime = startTime,
        EndTime = endTime,
        CommandStatus = commandStatus,
        Errors = errors,
        Command = command,
    };

    /// <summary>Creates a <see cref="Alert"/>.</summary>
    /// <param name="id">The alert id.</param>
    /// <param name="title">Alert title.</param>
    /// <param name="description">Alert description.</param>
    /// <param name="alertCreationTime">When the alert was created.</param>
    /// <param name="lastEventTime">Last occurrence of the triggering event on the device.</param>
    /// <param name="firstEventTime">First occurrence of the triggering event on the device.</param>
    /// <param name="lastUpdateTime">When the alert was last updated.</param>
    /// <param name="resolvedTime">When the alert was resolved.</param>
    /// <param name="incidentId">The incident of the alert.</param>
    /// <param name="investigationId">The automated investigation of the alert.</param>
    /// <param name="investigationState">State of the investigation.</param>
    /// <param name="assignedTo">Owner of the alert.</param>
    /// <param name="rbacGroupName">Device group name.</param>
    /// <param name="mitreTechniques">MITRE ATT&amp;CK technique ids.</param>
    /// <param name="relatedUser">The user related to the alert.</param>
    /// <param name="severity"><c>UnSpecified</c>, <c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</param>
    /// <param name="status"><c>Unknown</c>, <c>New</c>, <c>InProgress</c> or <c>Resolved</c>.</param>
    /// <param name="classification">Alert classification.</param>
    /// <param name="determination">Alert determination.</param>
    /// <param name="category">Alert category.</param>
    /// <param name="detectionSource">Detection source, e.g. <c>WindowsDefenderAtp</c>.</param>
    /// <param name="threatFamilyName">Threat family.</param>
    /// <param name="threatName">Threat name.</param>
    /// <param name="machineId">The device of the alert.</param>
    /// <param name="computerDnsName">The device name.</param>
    /// <param name="aadTenantId">The Microsoft Entra tenant.</param>
    /// <param name="detectorId">The detector that raised the alert.</param>
    /// <param name="comments">Comments on the alert.</param>
    /// <param name="evidence">Evidence (only when expanded with <c>$expand=evidence</c>).</param>
    /// <returns>The model.</returns>
    public static Alert Alert(string? id = null, string? title = null, string? description = null, DateTimeOffset? alertCreationTime = null, DateTimeOffset? lastEventTime = null, DateTimeOffset? firstEventTime = null, DateTimeOffset? lastUpdateTime = null, DateTimeOffset? resolvedTime = null, long? incidentId = null, long? investigationId = null, string? investigationState = null, string? assignedTo = null, string? rbacGroupName = null, IReadOnlyList<string>? mitreTechniques = null, AlertRelatedUser? relatedUser = null, string? severity = null, string? status = null, string? classification = null, string? determination = null, string? category = null, string? detectionSource = null, string? threatFamilyName = null, string? threatName = null, string? machineId = null, string? computerDnsName = null, string? aadTenantId = null, string? detectorId = null, IReadOnlyList<AlertComment>? comments = null, IReadOnlyList<AlertEvidence>? evidence = null) => new()
    {
        Id = id,
        Title = title,
        Description = description,
        AlertCreationTime = alertCreationTime,
        LastEventTime = lastEventTime,
        FirstEventTime = firstEventTime,
        LastUpdateTime = lastUpdateTime,
        ResolvedTime = resolvedTime,
        IncidentId = incidentId,
        InvestigationId = investigationId,
        InvestigationState = investigationState,
        AssignedTo = assignedTo,
        RbacGroupName = rbacGroupName,
        MitreTechniques = mitreTechniques,
        RelatedUser = relatedUser,
        Severity = severity,
        Status = status,
        Classification = classification,
        Determination = determination,
        Category = category,
        DetectionSource = detectionSource,
        ThreatFamilyName = threatFamilyName,
        ThreatName = threatName,
        MachineId = machineId,
        ComputerDnsName = computerDnsName,
        AadTenantId = aadTenantId,
        DetectorId = detectorId,
        Comments = comments,
        Evidence = evidence,
    };

    /// <summary>Creates a <see cref="AlertRelatedUser"/>.</summary>
    /// <param name="userName">User name.</param>
    /// <param name="domainName">Domain name.</param>
    /// <returns>The model.</returns>
    public static AlertRelatedUser AlertRelatedUser(string? userName = null, string? domainName = null) => new()
    {
        UserName = userName,
        DomainName = domainName,
    };

    /// <summary>Creates a <see cref="AlertComment"/>.</summary>
    /// <param name="comment">The text.</param>
    /// <param name="createdBy">Author.</param>
    /// <param name="createdTime">When it was written.</param>
    /// <returns>The model.</returns>
    public static AlertComment AlertComment(string? comment = null, string? createdBy = null, DateTimeOffset? createdTime = null) => new()
    {
        Comment = comment,
        CreatedBy = createdBy,
        CreatedTime = createdTime,
    };

    /// <summary>Creates a <see cref="AlertEvidence"/>.</summary>
    /// <param name="entityType">Entity type, e.g. <c>User</c>, <c>Process</c>, <c>File</c>.</param>
    /// <param name="evidenceCreationTime">When the evidence was created.</param>
    /// <param name="sha1">SHA-1 of the file.</param>
    /// <param name="sha256">SHA-256 of the file.</param>
    /// <param name="fileName">File name.</param>
    /// <param name="filePath">File path.</param>
    /// <param name="processId">Process id.</param>
    /// <param name="processCommandLine">Process command line.</param>
    /// <param name="processCreationTime">Process creation time.</param>
    /// <param name="parentProcessId">Parent process id.</param>
    /// <param name="parentProcessCreationTime">Parent process creation time.</param>
    /// <param name="parentProcessFileName">Parent process file name.</param>
    /// <param name="parentProcessFilePath">Parent process file path.</param>
    /// <param name="ipAddress">IP address.</param>
    /// <param name="url">URL.</param>
    /// <param name="registryKey">Registry key.</param>
    /// <param name="registryHive">Registry hive.</param>
    /// <param name="registryValueType">Registry value type.</param>
    /// <param name="registryValue">Registry value.</param>
    /// <param name="accountName">Account name.</param>
    /// <param name="domainName">Domain name.</param>
    /// <param name="userSid">User SID.</param>
    /// <param name="aadUserId">Microsoft Entra user id.</param>
    /// <param name="userPrincipalName">User principal name.</param>
    /// <param name="detectionStatus">Detection status, e.g. <c>Detected</c>.</param>
    /// <returns>The model.</returns>
    public static AlertEvidence AlertEvidence(string? entityType = null, DateTimeOffset? evidenceCreationTime = null, string? sha1 = null, string? sha256 = null, string? fileName = null, string? filePath = null, long? processId = null, string? processCommandLine = null, DateTimeOffset? processCreationTime = null, long? parentProcessId = null, DateTimeOffset? parentProcessCreationTime = null, string? parentProcessFileName = null, string? parentProcessFilePath = null, string? ipAddress = null, string? url = null, string? registryKey = null, string? registryHive = null, string? registryValueType = null, string? registryValue = null, string? accountName = null, string? domainName = null, string? userSid = null, string? aadUserId = null, string? userPrincipalName = null, string? detectionStatus = null) => new()
    {
        EntityType = entityType,
        EvidenceCreationTime = evidenceCreationTime,
        Sha1 = sha1,
        Sha256 = sha256,
        FileName = fileName,
        FilePath = filePath,
        ProcessId = processId,
        ProcessCommandLine = processCommandLine,
        ProcessCreationTime = processCreationTime,
        ParentProcessId = parentProcessId,
        ParentProcessCreationTime = parentProcessCreationTime,
        ParentProcessFileName = parentProcessFileName,
        ParentProcessFilePath = parentProcessFilePath,
        IpAddress = ipAddress,
        Url = url,
        RegistryKey = registryKey,
        RegistryHive = registryHive,
        RegistryValueType = registryValueType,
        RegistryValue = registryValue,
        AccountName = accountName,
        DomainName = domainName,
        UserSid = userSid,
        AadUserId = aadUserId,
        UserPrincipalName = userPrincipalName,
        DetectionStatus = detectionStatus,
    };

    /// <summary>Creates a <see cref="Indicator"/>.</summary>
    /// <param name="id">The indicator id.</param>
    /// <param name="indicatorValue">The indicator value.</param>
    /// <param name="indicatorType"><c>FileSha1</c>, <c>FileSha256</c>, <c>FileMd5</c>, <c>CertificateThumbprint</c>, <c>IpAddress</c>, <c>DomainName</c> or <c>Url</c>.</param>
    /// <param name="application">The application associated with the indicator.</param>
    /// <param name="action"><c>Warn</c>, <c>Block</c>, <c>Audit</c>, <c>Alert</c>, <c>AlertAndBlock</c>, <c>BlockAndRemediate</c> or <c>Allowed</c>.</param>
    /// <param name="externalId">Id the caller gave for its own correlation.</param>
    /// <param name="sourceType"><c>User</c> or <c>AadApp</c>.</param>
    /// <param name="source">Name of the submitting user or application (examples).</param>
    /// <param name="createdBySource">Name of the submitting user or application.</param>
    /// <param name="createdBy">Identity of the creator.</param>
    /// <param name="lastUpdatedBy">Identity of the last updater.</param>
    /// <param name="creationTimeDateTimeUtc">When the indicator was created.</param>
    /// <param name="expirationTime">When the indicator expires.</param>
    /// <param name="lastUpdateTime">When the indicator was last updated.</param>
    /// <param name="severity"><c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</param>
    /// <param name="title">Title.</param>
    /// <param name="description">Description.</param>
    /// <param name="recommendedActions">Recommended actions.</param>
    /// <param name="rbacGroupNames">Device groups the indicator applies to.</param>
    /// <param name="rbacGroupIds">Device group ids the indicator applies to.</param>
    /// <param name="generateAlert">Whether an alert is generated.</param>
    /// <returns>The model.</returns>
    public static Indicator Indicator(string? id = null, string? indicatorValue = null, string? indicatorType = null, string? application = null, string? action = null, string? externalId = null, string? sourceType = null, string? source = null, string? createdBySource = null, string? createdBy = null, string? lastUpdatedBy = null, DateTimeOffset? creationTimeDateTimeUtc = null, DateTimeOffset? expirationTime = null, DateTimeOffset? lastUpdateTime = null, string? severity = null, string? title = null, string? description = null, string? recommendedActions = null, IReadOnlyList<string>? rbacGroupNames = null, IReadOnlyList<string>? rbacGroupIds = null, bool? generateAlert = null) => new()
    {
        Id = id,
        IndicatorValue = indicatorValue,
        IndicatorType = indicatorType,
        Application = application,
        Action = action,
        ExternalId = externalId,
        SourceType = sourceType,
        Source = source,
        CreatedBySource = createdBySource,
        CreatedBy = createdBy,
        LastUpdatedBy = lastUpdatedBy,
        CreationTimeDateTimeUtc = creationTimeDateTimeUtc,
        ExpirationTime = expirationTime,
        LastUpdateTime = lastUpdateTime,
        Severity = severity,
        Title = title,
        Description = description,
        RecommendedActions = recommendedActions,
        RbacGroupNames = rbacGroupNames,
        RbacGroupIds = rbacGroupIds,
        GenerateAlert = generateAlert,
    };

    /// <summary>Creates a <see cref="IndicatorImportResult"/>.</summary>
    /// <param name="id">The indicator id.</param>
    /// <param name="indicator">The indicator value.</param>
    /// <param name="isFailed">Whether the item failed.</param>
    /// <param name="failureReason">Why it failed.</param>
    /// <returns>The model.</returns>
    public static IndicatorImportResult IndicatorImportResult(string? id = null, string? indicator = null, bool? isFailed = null, string? failureReason = null) => new()
    {
        Id = id,
        Indicator = indicator,
        IsFailed = isFailed,
        FailureReason = failureReason,
    };

    /// <summary>Creates a <see cref="Investigation"/>.</summary>
    /// <param name="id">The investigation id.</param>
    /// <param name="startTime">When it started.</param>
    /// <param name="endTime">When it ended.</param>
    /// <param name="cancelledBy">Who cancelled it.</param>
    /// <param name="state">Investigation state, e.g. <c>Running</c>, <c>Benign</c>, <c>SuccessfullyRemediated</c>.</param>
    /// <param name="statusDetails">Status details.</param>
    /// <param name="machineId">The device investigated.</param>
    /// <param name="computerDnsName">The device name.</param>
    /// <param name="triggeringAlertId">The alert that started it.</param>
    /// <returns>The model.</returns>
    public static Investigation Investigation(string? id = null, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, string? cancelledBy = null, string? state = null, string? statusDetails = null, string? machineId = null, string? computerDnsName = null, string? triggeringAlertId = null) => new()
    {
        Id = id,
        StartTime = startTime,
        EndTime = endTime,
        CancelledBy = cancelledBy,
        State = state,
        StatusDetails = statusDetails,
        MachineId = machineId,
        ComputerDnsName = computerDnsName,
        TriggeringAlertId = triggeringAlertId,
    };

    /// <summary>Creates a <see cref="DefenderFile"/>.</summary>
    /// <param name="sha1">SHA-1.</param>
    /// <param name="sha256">SHA-256.</param>
    /// <param name="md5">MD5 (examples).</param>
    /// <param name="globalPrevalence">Prevalence across organizations.</param>
    /// <param name="globalFirstObserved">First observed anywhere.</param>
    /// <param name="globalLastObserved">Last observed anywhere.</param>
    /// <param name="size">Size in bytes.</param>
    /// <param name="fileType">File type.</param>
    /// <param name="isPeFile">Whether it is a portable executable.</param>
    /// <param name="filePublisher">Publisher.</param>
    /// <param name="fileProductName">Product name.</param>
    /// <param name="signer">Signer.</param>
    /// <param name="issuer">Certificate issuer.</param>
    /// <param name="signerHash">Signer certificate hash.</param>
    /// <param name="isValidCertificate">Whether the signing certificate is valid.</param>
    /// <param name="determinationType">Determination type.</param>
    /// <param name="determinationValue">Determination value.</param>
    /// <returns>The model.</returns>
    public static DefenderFile DefenderFile(string? sha1 = null, string? sha256 = null, string? md5 = null, long? globalPrevalence = null, DateTimeOffset? globalFirstObserved = null, DateTimeOffset? globalLastObserved = null, long? size = null, string? fileType = null, bool? isPeFile = null, string? filePublisher = null, string? fileProductName = null, string? signer = null, string? issuer = null, string? signerHash = null, bool? isValidCertificate = null, string? determinationType = null, string? determinationValue = null) => new()
    {
        Sha1 = sha1,
        Sha256 = sha256,
        Md5 = md5,
        GlobalPrevalence = globalPrevalence,
        GlobalFirstObserved = globalFirstObserved,
        GlobalLastObserved = globalLastObserved,
        Size = size,
        FileType = fileType,
        IsPeFile = isPeFile,
        FilePublisher = filePublisher,
        FileProductName = fileProductName,
        Signer = signer,
        Issuer = issuer,
        SignerHash = signerHash,
        IsValidCertificate = isValidCertificate,
        DeterminationType = determinationType,
        DeterminationValue = determinationValue,
    };

    /// <summary>Creates a <see cref="FileStats"/>.</summary>
    /// <param name="sha1">SHA-1.</param>
    /// <param name="organizationPrevalence">Devices in the organization that saw it.</param>
    /// <param name="orgFirstSeen">First seen in the organization.</param>
    /// <param name="orgLastSeen">Last seen in the organization.</param>
    /// <param name="globallyPrevalence">Prevalence across organizations.</param>
    /// <param name="globalFirstObserved">First observed anywhere.</param>
    /// <param name="globalLastObserved">Last observed anywhere.</param>
    /// <param name="topFileNames">Most common names of the file.</param>
    /// <returns>The model.</returns>
    public static FileStats FileStats(string? sha1 = null, long? organizationPrevalence = null, DateTimeOffset? orgFirstSeen = null, DateTimeOffset? orgLastSeen = null, long? globallyPrevalence = null, DateTimeOffset? globalFirstObserved = null, DateTimeOffset? globalLastObserved = null, IReadOnlyList<string>? topFileNames = null) => new()
    {
        Sha1 = sha1,
        OrganizationPrevalence = organizationPrevalence,
        OrgFirstSeen = orgFirstSeen,
        OrgLastSeen = orgLastSeen,
        GloballyPrevalence = globallyPrevalence,
        GlobalFirstObserved = globalFirstObserved,
        GlobalLastObserved = globalLastObserved,
        TopFileNames = topFileNames,
    };

    /// <summary>Creates a <see cref="IpStats"/>.</summary>
    /// <param name="ipAddress">The address.</param>
    /// <param name="organizationPrevalence">Devices in the organization that communicated with it.</param>
    /// <param name="orgFirstSeen">First seen in the organization.</param>
    /// <param name="orgLastSeen">Last seen in the organization.</param>
    /// <returns>The model.</returns>
    public static IpStats IpStats(string? ipAddress = null, long? organizationPrevalence = null, DateTimeOffset? orgFirstSeen = null, DateTimeOffset? orgLastSeen = null) => new()
    {
        IpAddress = ipAddress,
        OrganizationPrevalence = organizationPrevalence,
        OrgFirstSeen = orgFirstSeen,
        OrgLastSeen = orgLastSeen,
    };

    /// <summary>Creates a <see cref="DomainStats"/>.</summary>
    /// <param name="host">The domain.</param>
    /// <param name="organizationPrevalence">Devices in the organization that communicated with it.</param>
    /// <param name="orgFirstSeen">First seen in the organization.</param>
    /// <param name="orgLastSeen">Last seen in the organization.</param>
    /// <returns>The model.</returns>
    public static DomainStats DomainStats(string? host = null, long? organizationPrevalence = null, DateTimeOffset? orgFirstSeen = null, DateTimeOffset? orgLastSeen = null) => new()
    {
        Host = host,
        OrganizationPrevalence = organizationPrevalence,
        OrgFirstSeen = orgFirstSeen,
        OrgLastSeen = orgLastSeen,
    };

    /// <summary>Creates a <see cref="AlertDomain"/>.</summary>
    /// <param name="host">The domain.</param>
    /// <returns>The model.</returns>
    public static AlertDomain AlertDomain(string? host = null) => new()
    {
        Host = host,
    };

    /// <summary>Creates a <see cref="AlertIp"/>.</summary>
    /// <param name="id">The IP address.</param>
    /// <returns>The model.</returns>
    public static AlertIp AlertIp(string? id = null) => new()
    {
        Id = id,
    };

    /// <summary>Creates a <see cref="DefenderUser"/>.</summary>
    /// <param name="id"><c>domain\user</c>.</param>
    /// <param name="accountName">Account name.</param>
    /// <param name="accountDomain">Account domain.</param>
    /// <param name="accountSid">Account SID.</param>
    /// <param name="firstSeen">First seen.</param>
    /// <param name="lastSeen">Last seen.</param>
    /// <param name="mostPrevalentMachineId">The device the user logs on to most.</param>
    /// <param name="leastPrevalentMachineId">The device the user logs on to least.</param>
    /// <param name="logonTypes">Logon types.</param>
    /// <param name="logOnMachinesCount">Number of devices logged on to.</param>
    /// <param name="isDomainAdmin">Whether the user is a domain admin.</param>
    /// <param name="isOnlyNetworkUser">Whether the user only logs on over the network.</param>
    /// <returns>The model.</returns>
    public static DefenderUser DefenderUser(string? id = null, string? accountName = null, string? accountDomain = null, string? accountSid = null, DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null, string? mostPrevalentMachineId = null, string? leastPrevalentMachineId = null, string? logonTypes = null, int? logOnMachinesCount = null, bool? isDomainAdmin = null, bool? isOnlyNetworkUser = null) => new()
    {
        Id = id,
        AccountName = accountName,
        AccountDomain = accountDomain,
        AccountSid = accountSid,
        FirstSeen = firstSeen,
        LastSeen = lastSeen,
        MostPrevalentMachineId = mostPrevalentMachineId,
        LeastPrevalentMachineId = leastPrevalentMachineId,
        LogonTypes = logonTypes,
        LogOnMachinesCount = logOnMachinesCount,
        IsDomainAdmin = isDomainAdmin,
        IsOnlyNetworkUser = isOnlyNetworkUser,
    };

    /// <summary>Creates a <see cref="Software"/>.</summary>
    /// <param name="id">Id of the form <c>vendor-_-product</c>.</param>
    /// <param name="name">Name.</param>
    /// <param name="vendor">Vendor.</param>
    /// <param name="weaknesses">Number of discovered vulnerabilities.</param>
    /// <param name="publicExploit">Whether a public exploit exists.</param>
    /// <param name="activeAlert">Whether an active alert is associated.</param>
    /// <param name="exposedMachines">Number of exposed devices.</param>
    /// <param name="impactScore">Impact on the exposure score.</param>
    /// <returns>The model.</returns>
    public static Software Software(string? id = null, string? name = null, string? vendor = null, long? weaknesses = null, bool? publicExploit = null, bool? activeAlert = null, long? exposedMachines = null, double? impactScore = null) => new()
    {
        Id = id,
        Name = name,
        Vendor = vendor,
        Weaknesses = weaknesses,
        PublicExploit = publicExploit,
        ActiveAlert = activeAlert,
        ExposedMachines = exposedMachines,
        ImpactScore = impactScore,
    };

    /// <summary>Creates a <see cref="SoftwareDistribution"/>.</summary>
    /// <param name="version">The version.</param>
    /// <param name="installations">Number of installations.</param>
    /// <param name="vulnerabilities">Number of vulnerabilities.</param>
    /// <returns>The model.</returns>
    public static SoftwareDistribution SoftwareDistribution(string? version = null, long? installations = null, long? vulnerabilities = null) => new()
    {
        Version = version,
        Installations = installations,
        Vulnerabilities = vulnerabilities,
    };

    /// <summary>Creates a <see cref="Vulnerability"/>.</summary>
    /// <param name="id">The CVE id.</param>
    /// <param name="name">Name.</param>
    /// <param name="description">Description.</param>
    /// <param name="severity"><c>Low</c>, <c>Medium</c>, <c>High</c> or <c>Critical</c>.</param>
    /// <param name="cvssV3">CVSS v3 score.</param>
    /// <param name="cvssVector">CVSS vector.</param>
    /// <param name="exposedMachines">Number of exposed devices.</param>
    /// <param name="publishedOn">When it was published.</param>
    /// <param name="updatedOn">When it was updated.</param>
    /// <param name="publicExploit">Whether a public exploit exists.</param>
    /// <param name="exploitVerified">Whether the exploit is verified.</param>
    /// <param name="exploitInKit">Whether the exploit is part of a kit.</param>
    /// <param name="exploitTypes">Exploit types.</param>
    /// <param name="exploitUris">Exploit sources.</param>
    /// <param name="cveSupportability"><c>Supported</c>, <c>Not Supported</c> or <c>SupportedInPremium</c>.</param>
    /// <param name="epss">Exploit prediction score (0 to 1).</param>
    /// <returns>The model.</returns>
    public static Vulnerability Vulnerability(string? id = null, string? name = null, string? description = null, string? severity = null, double? cvssV3 = null, string? cvssVector = null, long? exposedMachines = null, DateTimeOffset? publishedOn = null, DateTimeOffset? updatedOn = null, bool? publicExploit = null, bool? exploitVerified = null, bool? exploitInKit = null, IReadOnlyList<string>? exploitTypes = null, IReadOnlyList<string>? exploitUris = null, string? cveSupportability = null, double? epss = null) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        Severity = severity,
        CvssV3 = cvssV3,
        CvssVector = cvssVector,
        ExposedMachines = exposedMachines,
        PublishedOn = publishedOn,
        UpdatedOn = updatedOn,
        PublicExploit = publicExploit,
        ExploitVerified = exploitVerified,
        ExploitInKit = exploitInKit,
        ExploitTypes = exploitTypes,
        ExploitUris = exploitUris,
        CveSupportability = cveSupportability,
        Epss = epss,
    };

    /// <summary>Creates a <see cref="MachineVulnerability"/>.</summary>
    /// <param name="id">Row id.</param>
    /// <param name="cveId">The CVE id.</param>
    /// <param name="machineId">The device.</param>
    /// <param name="fixingKbId">The KB that fixes it.</param>
    /// <param name="productName">Product name.</param>
    /// <param name="productVendor">Product vendor.</param>
    /// <param name="productVersion">Product version.</param>
    /// <param name="severity">Severity.</param>
    /// <returns>The model.</returns>
    public static MachineVulnerability MachineVulnerability(string? id = null, string? cveId = null, string? machineId = null, string? fixingKbId = null, string? productName = null, string? productVendor = null, string? productVersion = null, string? severity = null) => new()
    {
        Id = id,
        CveId = cveId,
        MachineId = machineId,
        FixingKbId = fixingKbId,
        ProductName = productName,
        ProductVendor = productVendor,
        ProductVersion = productVersion,
        Severity = severity,
    };

    /// <summary>Creates a <see cref="ProductFix"/>.</summary>
    /// <param name="id">The KB number.</param>
    /// <param name="name">Name.</param>
    /// <param name="productsNames">Products it fixes.</param>
    /// <param name="url">Where to get it.</param>
    /// <param name="machineMissedOn">Number of devices missing it.</param>
    /// <param name="cveAddressed">Number of CVEs it addresses.</param>
    /// <returns>The model.</returns>
    public static ProductFix ProductFix(string? id = null, string? name = null, IReadOnlyList<string>? productsNames = null, string? url = null, int? machineMissedOn = null, int? cveAddressed = null) => new()
    {
        Id = id,
        Name = name,
        ProductsNames = productsNames,
        Url = url,
        MachineMissedOn = machineMissedOn,
        CveAddressed = cveAddressed,
    };

    /// <summary>Creates a <see cref="Recommendation"/>.</summary>
    /// <param name="id">Id of the form <c>va-_-vendor-_-product</c>.</param>
    /// <param name="productName">Product name.</param>
    /// <param name="recommendationName">Recommendation name.</param>
    /// <param name="weaknesses">Number of vulnerabilities.</param>
    /// <param name="vendor">Vendor.</param>
    /// <param name="recommendedVersion">Recommended version.</param>
    /// <param name="recommendedProgram">Recommended program.</param>
    /// <param name="recommendedVendor">Recommended vendor.</param>
    /// <param name="recommendationCategory"><c>Accounts</c>, <c>Application</c>, <c>Network</c>, <c>OS</c> or <c>SecurityControls</c>.</param>
    /// <param name="subCategory">Sub-category.</param>
    /// <param name="severityScore">Severity score.</param>
    /// <param name="publicExploit">Whether a public exploit exists.</param>
    /// <param name="activeAlert">Whether an active alert is associated.</param>
    /// <param name="associatedThreats">Associated threats.</param>
    /// <param name="remediationType"><c>ConfigurationChange</c>, <c>Update</c>, <c>Upgrade</c> or <c>Uninstall</c>.</param>
    /// <param name="status"><c>Active</c> or <c>Exception</c>.</param>
    /// <param name="configScoreImpact">Impact on the configuration score.</param>
    /// <param name="exposureImpact">Impact on the exposure score.</param>
    /// <param name="totalMachineCount">Number of installed devices.</param>
    /// <param name="exposedMachinesCount">Number of exposed devices.</param>
    /// <param name="nonProductivityImpactedAssets">Devices not affected in productivity.</param>
    /// <param name="relatedComponent">Related component.</param>
    /// <param name="exposedCriticalDevices">Exposed critical devices.</param>
    /// <param name="tags">Tags (examples).</param>
    /// <returns>The model.</returns>
    public static Recommendation Recommendation(string? id = null, string? productName = null, string? recommendationName = null, long? weaknesses = null, string? vendor = null, string? recommendedVersion = null, string? recommendedProgram = null, string? recommendedVendor = null, string? recommendationCategory = null, string? subCategory = null, double? severityScore = null, bool? publicExploit = null, bool? activeAlert = null, IReadOnlyList<string>? associatedThreats = null, string? remediationType = null, string? status = null, double? configScoreImpact = null, double? exposureImpact = null, long? totalMachineCount = null, long? exposedMachinesCount = null, long? nonProductivityImpactedAssets = null, string? relatedComponent = null, long? exposedCriticalDevices = null, IReadOnlyList<string>? tags = null) => new()
    {
        Id = id,
        ProductName = productName,
        RecommendationName = recommendationName,
        Weaknesses = weaknesses,
        Vendor = vendor,
        RecommendedVersion = recommendedVersion,
        RecommendedProgram = recommendedProgram,
        RecommendedVendor = recommendedVendor,
        RecommendationCategory = recommendationCategory,
        SubCategory = subCategory,
        SeverityScore = severityScore,
        PublicExploit = publicExploit,
        ActiveAlert = activeAlert,
        AssociatedThreats = associatedThreats,
        RemediationType = remediationType,
        Status = status,
        ConfigScoreImpact = configScoreImpact,
        ExposureImpact = exposureImpact,
        TotalMachineCount = totalMachineCount,
        ExposedMachinesCount = exposedMachinesCount,
        NonProductivityImpactedAssets = nonProductivityImpactedAssets,
        RelatedComponent = relatedComponent,
        ExposedCriticalDevices = exposedCriticalDevices,
        Tags = tags,
    };

    /// <summary>Creates a <see cref="DefenderScore"/>.</summary>
    /// <param name="score">The score.</param>
    /// <param name="time">When it was computed.</param>
    /// <param name="rbacGroupName">Device group name (by machine group only).</param>
    /// <param name="rbacGroupId">Device group id (by machine group only).</param>
    /// <returns>The model.</returns>
    public static DefenderScore DefenderScore(double? score = null, DateTimeOffset? time = null, string? rbacGroupName = null, string? rbacGroupId = null) => new()
    {
        Score = score,
        Time = time,
        RbacGroupName = rbacGroupName,
        RbacGroupId = rbacGroupId,
    };

    /// <summary>Creates a <see cref="LibraryFile"/>.</summary>
    /// <param name="fileName">File name.</param>
    /// <param name="sha256">SHA-256.</param>
    /// <param name="description">Description.</param>
    /// <param name="creationTime">When it was uploaded.</param>
    /// <param name="lastUpdatedTime">When it was last updated.</param>
    /// <param name="createdBy">Who uploaded it.</param>
    /// <param name="hasParameters">Whether the script takes parameters.</param>
    /// <param name="parametersDescription">Description of the parameters.</param>
    /// <returns>The model.</returns>
    public static LibraryFile LibraryFile(string? fileName = null, string? sha256 = null, string? description = null, DateTimeOffset? creationTime = null, DateTimeOffset? lastUpdatedTime = null, string? createdBy = null, bool? hasParameters = null, string? parametersDescription = null) => new()
    {
        FileName = fileName,
        Sha256 = sha256,
        Description = description,
        CreationTime = creationTime,
        LastUpdatedTime = lastUpdatedTime,
        CreatedBy = createdBy,
        HasParameters = hasParameters,
        ParametersDescription = parametersDescription,
    };

    /// <summary>Creates a <see cref="DeviceAvInfo"/>.</summary>
    /// <param name="avEngineUpdateTime">Engine update time.</param>
    /// <param name="avEngineVersion">Engine version.</param>
    /// <param name="avIsEngineUpToDate"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
    /// <param name="avIsPlatformUpToDate"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
    /// <param name="avIsSignatureUpToDate"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
    /// <param name="avMode"><c>0</c> Active … <c>5</c> PassiveAudit; empty means Other.</param>
    /// <param name="avPlatformUpdateTime">Platform update time.</param>
    /// <param name="avPlatformVersion">Platform version.</param>
    /// <param name="avSignaturePublishTime">Signature publish time.</param>
    /// <param name="avSignatureUpdateTime">Signature update time.</param>
    /// <param name="avSignatureVersion">Signature version.</param>
    /// <param name="computerDnsName">Device name.</param>
    /// <param name="dataRefreshTimestamp">When the data was refreshed.</param>
    /// <param name="fullScanError">Full scan error.</param>
    /// <param name="fullScanResult"><c>Completed</c>, <c>Canceled</c> or <c>Failed</c>.</param>
    /// <param name="fullScanTime">Full scan time.</param>
    /// <param name="id">Row id.</param>
    /// <param name="lastSeenTime">Last seen.</param>
    /// <param name="machineId">The device.</param>
    /// <param name="osKind"><c>windows</c>, <c>mac</c> or <c>linux</c>.</param>
    /// <param name="osPlatform">Operating system platform.</param>
    /// <param name="osVersion">Operating system version.</param>
    /// <param name="quickScanError">Quick scan error.</param>
    /// <param name="quickScanResult">Quick scan result.</param>
    /// <param name="quickScanTime">Quick scan time.</param>
    /// <param name="rbacGroupId">Device group id.</param>
    /// <param name="rbacGroupName">Device group name.</param>
    /// <returns>The model.</returns>
    public static DeviceAvInfo DeviceAvInfo(DateTimeOffset? avEngineUpdateTime = null, string? avEngineVersion = null, string? avIsEngineUpToDate = null, string? avIsPlatformUpToDate = null, string? avIsSignatureUpToDate = null, string? avMode = null, DateTimeOffset? avPlatformUpdateTime = null, string? avPlatformVersion = null, DateTimeOffset? avSignaturePublishTime = null, DateTimeOffset? avSignatureUpdateTime = null, string? avSignatureVersion = null, string? computerDnsName = null, DateTimeOffset? dataRefreshTimestamp = null, string? fullScanError = null, string? fullScanResult = null, DateTimeOffset? fullScanTime = null, string? id = null, DateTimeOffset? lastSeenTime = null, string? machineId = null, string? osKind = null, string? osPlatform = null, string? osVersion = null, string? quickScanError = null, string? quickScanResult = null, DateTimeOffset? quickScanTime = null, long? rbacGroupId = null, string? rbacGroupName = null) => new()
    {
        AvEngineUpdateTime = avEngineUpdateTime,
        AvEngineVersion = avEngineVersion,
        AvIsEngineUpToDate = avIsEngineUpToDate,
        AvIsPlatformUpToDate = avIsPlatformUpToDate,
        AvIsSignatureUpToDate = avIsSignatureUpToDate,
        AvMode = avMode,
        AvPlatformUpdateTime = avPlatformUpdateTime,
        AvPlatformVersion = avPlatformVersion,
        AvSignaturePublishTime = avSignaturePublishTime,
        AvSignatureUpdateTime = avSignatureUpdateTime,
        AvSignatureVersion = avSignatureVersion,
        ComputerDnsName = computerDnsName,
        DataRefreshTimestamp = dataRefreshTimestamp,
        FullScanError = fullScanError,
        FullScanResult = fullScanResult,
        FullScanTime = fullScanTime,
        Id = id,
        LastSeenTime = lastSeenTime,
        MachineId = machineId,
        OsKind = osKind,
        OsPlatform = osPlatform,
        OsVersion = osVersion,
        QuickScanError = quickScanError,
        QuickScanResult = quickScanResult,
        QuickScanTime = quickScanTime,
        RbacGroupId = rbacGroupId,
        RbacGroupName = rbacGroupName,
    };

    /// <summary>Creates a <see cref="DeviceHealthExport"/>.</summary>
    /// <param name="exportFiles">Download URLs (gzip multiline JSON, valid 3 hours).</param>
    /// <param name="generatedTime">When the export was generated.</param>
    /// <returns>The model.</returns>
    public static DeviceHealthExport DeviceHealthExport(IReadOnlyList<string>? exportFiles = null, DateTimeOffset? generatedTime = null) => new()
    {
        ExportFiles = exportFiles,
        GeneratedTime = generatedTime,
    };
}
