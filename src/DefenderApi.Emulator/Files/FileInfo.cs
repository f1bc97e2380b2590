using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Files;

/// <summary>A file, as <see href="https://learn.microsoft.com/defender-endpoint/api/files">File resource type</see> documents it.</summary>
internal sealed class FileInfo : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>SHA-1 (the identity).</summary>
    public string Sha1 { get; set; } = string.Empty;

    /// <summary>SHA-256.</summary>
    public string? Sha256 { get; set; }

    /// <summary>MD5 (in the page's examples).</summary>
    public string? Md5 { get; set; }

    /// <summary>Prevalence across organisations.</summary>
    public long? GlobalPrevalence { get; set; }

    /// <summary>First seen anywhere.</summary>
    public DateTimeOffset? GlobalFirstObserved { get; set; }

    /// <summary>Last seen anywhere.</summary>
    public DateTimeOffset? GlobalLastObserved { get; set; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; set; }

    /// <summary>File type.</summary>
    public string? FileType { get; set; }

    /// <summary>Whether it is a PE file.</summary>
    public bool IsPeFile { get; set; }

    /// <summary>Publisher.</summary>
    public string? FilePublisher { get; set; }

    /// <summary>Product name.</summary>
    public string? FileProductName { get; set; }

    /// <summary>Signer.</summary>
    public string? Signer { get; set; }

    /// <summary>Certificate issuer.</summary>
    public string? Issuer { get; set; }

    /// <summary>Signer certificate hash.</summary>
    public string? SignerHash { get; set; }

    /// <summary>Whether the signature is valid.</summary>
    public bool IsValidCertificate { get; set; }

    /// <summary>Determination type, e.g. <c>Malware</c>.</summary>
    public string? DeterminationType { get; set; }

    /// <summary>Determination value, e.g. a threat name.</summary>
    public string? DeterminationValue { get; set; }

    /// <summary>Names the file was seen under in the organisation (file statistics' topFileNames).</summary>
    [JsonIgnore]
    public List<string> FileNames { get; set; } = [];
}

internal sealed class FileInfoConfiguration : IEntityTypeConfiguration<FileInfo>
{
    public void Configure(EntityTypeBuilder<FileInfo> builder)
    {
        builder.ToTable("Files");
        builder.HasKey(f => new { f.TenantId, f.Sha1 });
        builder.Property(f => f.Sha1).UseCollation("NOCASE");
        builder.Property(f => f.Sha256).UseCollation("NOCASE");
        builder.Property(f => f.Md5).UseCollation("NOCASE");
        builder.HasIndex(f => new { f.TenantId, f.Sha256 });
    }
}
