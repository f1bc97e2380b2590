using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Alerts;

/// <summary>One piece of an alert's evidence (the examples in <see href="https://learn.microsoft.com/defender-endpoint/api/alerts">Get alerts API</see> and <see href="https://learn.microsoft.com/defender-endpoint/api/get-alerts">List alerts API</see>).</summary>
internal sealed class AlertEvidence : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>The alert (storage key).</summary>
    [JsonIgnore]
    public string AlertId { get; set; } = string.Empty;

    /// <summary>Position within the alert (storage key).</summary>
    [JsonIgnore]
    public int Sequence { get; set; }

    /// <summary>The host of <see cref="Url"/> (stored for the domain queries; not part of the JSON).</summary>
    [JsonIgnore]
    public string? Host { get; set; }

    /// <summary><c>User</c>, <c>Process</c>, <c>File</c>, <c>Ip</c>, <c>Url</c>, ...</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>When the evidence was recorded.</summary>
    public DateTimeOffset EvidenceCreationTime { get; set; }

    /// <summary>File SHA-1.</summary>
    public string? Sha1 { get; set; }

    /// <summary>File SHA-256.</summary>
    public string? Sha256 { get; set; }

    /// <summary>File name.</summary>
    public string? FileName { get; set; }

    /// <summary>File path.</summary>
    public string? FilePath { get; set; }

    /// <summary>Process id.</summary>
    public long? ProcessId { get; set; }

    /// <summary>Process command line.</summary>
    public string? ProcessCommandLine { get; set; }

    /// <summary>Process creation time.</summary>
    public DateTimeOffset? ProcessCreationTime { get; set; }

    /// <summary>Parent process id.</summary>
    public long? ParentProcessId { get; set; }

    /// <summary>Parent process creation time.</summary>
    public DateTimeOffset? ParentProcessCreationTime { get; set; }

    /// <summary>Parent process file name.</summary>
    public string? ParentProcessFileName { get; set; }

    /// <summary>Parent process file path.</summary>
    public string? ParentProcessFilePath { get; set; }

    /// <summary>IP address.</summary>
    public string? IpAddress { get; set; }

    /// <summary>URL.</summary>
    public string? Url { get; set; }

    /// <summary>Registry key.</summary>
    public string? RegistryKey { get; set; }

    /// <summary>Registry hive.</summary>
    public string? RegistryHive { get; set; }

    /// <summary>Registry value type.</summary>
    public string? RegistryValueType { get; set; }

    /// <summary>Registry value.</summary>
    public string? RegistryValue { get; set; }

    /// <summary>Account name.</summary>
    public string? AccountName { get; set; }

    /// <summary>Account domain.</summary>
    public string? DomainName { get; set; }

    /// <summary>User SID.</summary>
    public string? UserSid { get; set; }

    /// <summary>Entra user id.</summary>
    public string? AadUserId { get; set; }

    /// <summary>User principal name.</summary>
    public string? UserPrincipalName { get; set; }

    /// <summary>Detection status, e.g. <c>Detected</c>.</summary>
    public string? DetectionStatus { get; set; }

    /// <summary>The host of a URL evidence value (with or without a scheme), lower-case; <see langword="null"/> when it has none.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The host.</returns>
    public static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url, UriKind.Absolute, out var uri)
            ? uri.IdnHost.ToLowerInvariant()
            : null;
}
