namespace DefenderApi.Client.Models;

/// <summary>A file (<see href="https://learn.microsoft.com/defender-endpoint/api/files">File resource type</see>).</summary>
public sealed record DefenderFile
{
    /// <summary>SHA-1.</summary>
    public string? Sha1 { get; init; }

    /// <summary>SHA-256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>MD5 (examples).</summary>
    public string? Md5 { get; init; }

    /// <summary>Prevalence across organizations.</summary>
    public long? GlobalPrevalence { get; init; }

    /// <summary>First observed anywhere.</summary>
    public DateTimeOffset? GlobalFirstObserved { get; init; }

    /// <summary>Last observed anywhere.</summary>
    public DateTimeOffset? GlobalLastObserved { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>File type.</summary>
    public string? FileType { get; init; }

    /// <summary>Whether it is a portable executable.</summary>
    public bool? IsPeFile { get; init; }

    /// <summary>Publisher.</summary>
    public string? FilePublisher { get; init; }

    /// <summary>Product name.</summary>
    public string? FileProductName { get; init; }

    /// <summary>Signer.</summary>
    public string? Signer { get; init; }

    /// <summary>Certificate issuer.</summary>
    public string? Issuer { get; init; }

    /// <summary>Signer certificate hash.</summary>
    public string? SignerHash { get; init; }

    /// <summary>Whether the signing certificate is valid.</summary>
    public bool? IsValidCertificate { get; init; }

    /// <summary>Determination type.</summary>
    public string? DeterminationType { get; init; }

    /// <summary>Determination value.</summary>
    public string? DeterminationValue { get; init; }
}
