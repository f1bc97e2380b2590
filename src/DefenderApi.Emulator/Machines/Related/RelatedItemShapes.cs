namespace DefenderApi.Emulator.Machines.Related;

/// <summary>A user who logged on to a machine (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machine-log-on-users">Get machine logon users API</see>).</summary>
internal sealed record LogonUser
{
    /// <summary><c>domain\user</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>Account domain.</summary>
    public string? AccountDomain { get; init; }

    /// <summary>First logon seen.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last logon seen.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Logon types, e.g. <c>Interactive</c>.</summary>
    public string? LogonTypes { get; init; }

    /// <summary>Whether the user is a domain admin.</summary>
    public bool IsDomainAdmin { get; init; }

    /// <summary>Whether the user only logged on over the network.</summary>
    public bool IsOnlyNetworkUser { get; init; }
}

/// <summary>Software installed on a machine (<see href="https://learn.microsoft.com/defender-endpoint/api/get-installed-software">Get installed software</see>; the Software entity).</summary>
internal sealed record InstalledSoftware
{
    /// <summary><c>vendor-_-product</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Product name.</summary>
    public string? Name { get; init; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Known weaknesses.</summary>
    public long Weaknesses { get; init; }

    /// <summary>Whether a public exploit exists.</summary>
    public bool PublicExploit { get; init; }

    /// <summary>Whether an active alert relates to it.</summary>
    public bool ActiveAlert { get; init; }

    /// <summary>Exposed machines in the organisation.</summary>
    public long ExposedMachines { get; init; }

    /// <summary>Exposure impact.</summary>
    public double ImpactScore { get; init; }
}

/// <summary>A vulnerability found on a machine (<see href="https://learn.microsoft.com/defender-endpoint/api/get-discovered-vulnerabilities">Get discovered vulnerabilities</see>).</summary>
internal sealed record DiscoveredVulnerability
{
    /// <summary>The CVE id.</summary>
    public required string Id { get; init; }

    /// <summary>Name (the CVE id).</summary>
    public string? Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Severity: <c>Low</c>, <c>Medium</c>, <c>High</c>, <c>Critical</c>.</summary>
    public VulnerabilitySeverity Severity { get; init; }

    /// <summary>CVSS v3 score.</summary>
    public double? CvssV3 { get; init; }

    /// <summary>Exposed machines.</summary>
    public long ExposedMachines { get; init; }

    /// <summary>Publication date.</summary>
    public DateTimeOffset? PublishedOn { get; init; }

    /// <summary>Last update.</summary>
    public DateTimeOffset? UpdatedOn { get; init; }

    /// <summary>Whether a public exploit exists.</summary>
    public bool PublicExploit { get; init; }

    /// <summary>Whether the exploit is verified.</summary>
    public bool ExploitVerified { get; init; }

    /// <summary>Whether the exploit is in an exploit kit.</summary>
    public bool ExploitInKit { get; init; }

    /// <summary>Exploit types.</summary>
    public IReadOnlyList<string> ExploitTypes { get; init; } = [];

    /// <summary>Exploit URIs.</summary>
    public IReadOnlyList<string> ExploitUris { get; init; } = [];
}

/// <summary>Vulnerability severity.</summary>
internal enum VulnerabilitySeverity
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}

/// <summary>A security recommendation for a machine (<see href="https://learn.microsoft.com/defender-endpoint/api/get-security-recommendations">Get security recommendations</see>).</summary>
internal sealed record MachineRecommendation
{
    /// <summary>Recommendation id, e.g. <c>va-_-git-scm-_-git</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Product.</summary>
    public string? ProductName { get; init; }

    /// <summary>Name.</summary>
    public string? RecommendationName { get; init; }

    /// <summary>Weaknesses.</summary>
    public long Weaknesses { get; init; }

    /// <summary>Vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Recommended version.</summary>
    public string? RecommendedVersion { get; init; }

    /// <summary><c>Accounts</c>, <c>Application</c>, <c>Network</c>, <c>OS</c>, <c>SecurityControls</c>.</summary>
    public string? RecommendationCategory { get; init; }

    /// <summary>Sub-category.</summary>
    public string? SubCategory { get; init; }

    /// <summary>Severity score.</summary>
    public double SeverityScore { get; init; }

    /// <summary>Whether a public exploit exists.</summary>
    public bool PublicExploit { get; init; }

    /// <summary>Whether an active alert relates to it.</summary>
    public bool ActiveAlert { get; init; }

    /// <summary>Associated threats.</summary>
    public IReadOnlyList<string> AssociatedThreats { get; init; } = [];

    /// <summary><c>ConfigurationChange</c>, <c>Update</c>, <c>Upgrade</c>, <c>Uninstall</c>.</summary>
    public string? RemediationType { get; init; }

    /// <summary><c>Active</c> or <c>Exception</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Configuration score impact.</summary>
    public double ConfigScoreImpact { get; init; }

    /// <summary>Exposure impact.</summary>
    public double ExposureImpact { get; init; }

    /// <summary>Machines it applies to.</summary>
    public long TotalMachineCount { get; init; }

    /// <summary>Exposed machines.</summary>
    public long ExposedMachinesCount { get; init; }

    /// <summary>Assets not impacting productivity.</summary>
    public long NonProductivityImpactedAssets { get; init; }

    /// <summary>Related component.</summary>
    public string? RelatedComponent { get; init; }
}

/// <summary>A security update a machine is missing (<see href="https://learn.microsoft.com/defender-endpoint/api/get-missing-kbs-machine">Get missing KBs by device ID</see>).</summary>
internal sealed record MissingKb
{
    /// <summary>The KB number.</summary>
    public required string Id { get; init; }

    /// <summary>Name, e.g. <c>March 2020 Security Updates</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Products the update fixes.</summary>
    public IReadOnlyList<string> ProductsNames { get; init; } = [];

    /// <summary>Catalogue URL.</summary>
    public string? Url { get; init; }

    /// <summary>Machines missing it.</summary>
    public long MachineMissedOn { get; init; }

    /// <summary>CVEs it addresses.</summary>
    public long CveAddressed { get; init; }
}
