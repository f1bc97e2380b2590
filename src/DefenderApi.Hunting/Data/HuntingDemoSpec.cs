namespace DefenderApi.Hunting;

/// <summary>A device the demo data is about (the machines the emulator serves).</summary>
/// <param name="DeviceId">The machine id (40 hex characters).</param>
/// <param name="DeviceName">The computer DNS name.</param>
/// <param name="OsPlatform">e.g. <c>Windows11</c>, <c>Linux</c>, <c>macOS</c>.</param>
public sealed record HuntingDevice(string DeviceId, string DeviceName, string OsPlatform)
{
    /// <summary>
    /// The device's last full report (the machine's <c>lastSeen</c>): its newest DeviceInfo row is at this instant and its
    /// other rows before it; when <see langword="null"/>, rows are placed relative to the spec's now.
    /// </summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The device's local address (the machine's <c>lastIpAddress</c>), shown by DeviceNetworkInfo and as LocalIP of its connections.</summary>
    public string? LocalIp { get; init; }
}

/// <summary>An alert the hunting tables describe (so AlertInfo/AlertEvidence agree with the alerts API).</summary>
/// <param name="AlertId">The alert id.</param>
/// <param name="Title">The title.</param>
/// <param name="Severity">Informational, Low, Medium or High.</param>
/// <param name="Category">e.g. <c>Execution</c>.</param>
/// <param name="DeviceId">The device it fired on.</param>
/// <param name="Timestamp">When it fired.</param>
public sealed record HuntingAlert(string AlertId, string Title, string Severity, string Category, string DeviceId, DateTimeOffset Timestamp)
{
    /// <summary>The hunting detection source, e.g. <c>EDR</c>, <c>Antivirus</c>, <c>Custom detection</c>.</summary>
    public string DetectionSource { get; init; } = "EDR";

    /// <summary>MITRE techniques, e.g. <c>T1059.001</c>.</summary>
    public IReadOnlyList<string> AttackTechniques { get; init; } = [];

    /// <summary>When the activity that triggered the alert happened; <see cref="Timestamp"/> when <see langword="null"/>.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The evidence (one AlertEvidence row each, besides the device's own row).</summary>
    public IReadOnlyList<HuntingEvidence> Evidence { get; init; } = [];
}

/// <summary>One piece of alert evidence, in AlertEvidence's column terms.</summary>
/// <param name="EntityType"><c>File</c>, <c>Process</c>, <c>User</c>, <c>Ip</c>, <c>Url</c>, ...</param>
public sealed record HuntingEvidence(string EntityType)
{
    /// <summary>File name (File and Process evidence).</summary>
    public string? FileName { get; init; }

    /// <summary>Folder of the file, without the file name.</summary>
    public string? FolderPath { get; init; }

    /// <summary>File SHA-1.</summary>
    public string? Sha1 { get; init; }

    /// <summary>File SHA-256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Process command line.</summary>
    public string? ProcessCommandLine { get; init; }

    /// <summary>Process id.</summary>
    public long? ProcessId { get; init; }

    /// <summary>The parent process's file name.</summary>
    public string? ParentFileName { get; init; }

    /// <summary>Remote IP address (Ip evidence).</summary>
    public string? RemoteIp { get; init; }

    /// <summary>Remote URL (Url evidence).</summary>
    public string? RemoteUrl { get; init; }

    /// <summary>Account name (User evidence).</summary>
    public string? AccountName { get; init; }

    /// <summary>Account domain (User evidence).</summary>
    public string? AccountDomain { get; init; }

    /// <summary>The first File evidence of <paramref name="evidence"/>, else the first Process evidence with a file name.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The file evidence, or <see langword="null"/>.</returns>
    public static HuntingEvidence? FileOf(IEnumerable<HuntingEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var items = evidence.Where(e => !string.IsNullOrEmpty(e.FileName)).ToList();
        return items.FirstOrDefault(e => e.EntityType == "File") ?? items.FirstOrDefault();
    }
}

/// <summary>What to generate.</summary>
/// <param name="Seed">Same seed and inputs, same rows.</param>
/// <param name="Devices">The devices.</param>
/// <param name="UserNames">Account names.</param>
/// <param name="EventCount">
/// Rows over the seven event tables, the events that triggered the alerts included (when the alerts need more
/// than this, only their triggering events are written).
/// </param>
/// <param name="Now">The end of the generated period (events span the 35 days before it, a few outside the 30-day lookback).</param>
/// <param name="Alerts">Alerts to describe, each on one of <paramref name="Devices"/>; when <see langword="null"/>, a few are made up on the devices.</param>
public sealed record HuntingDemoSpec(
    int Seed,
    IReadOnlyList<HuntingDevice> Devices,
    IReadOnlyList<string> UserNames,
    int EventCount,
    DateTimeOffset Now,
    IReadOnlyList<HuntingAlert>? Alerts = null);
