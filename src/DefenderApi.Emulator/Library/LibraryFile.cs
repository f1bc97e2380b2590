using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Library;

/// <summary>A live response library file (<see href="https://learn.microsoft.com/defender-endpoint/api/list-library-files">List library files</see>).</summary>
internal sealed class LibraryFile : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>The file name (unique in the tenant, case-insensitive).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>When uploaded first.</summary>
    public DateTimeOffset CreationTime { get; set; }

    /// <summary>When last replaced.</summary>
    public DateTimeOffset LastUpdatedTime { get; set; }

    /// <summary>Who uploaded it.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Whether the script takes parameters.</summary>
    public bool HasParameters { get; set; }

    /// <summary>Description of the parameters.</summary>
    public string? ParametersDescription { get; set; }

    /// <summary>The content.</summary>
    [JsonIgnore]
    public byte[] Content { get; set; } = [];

    /// <summary>
    /// Whether the content carries an Authenticode signature block (<c># SIG # Begin signature block</c>); running
    /// an unsigned script needs the tenant's unsigned-script feature.
    /// </summary>
    [JsonIgnore]
    public bool IsSigned { get; set; }
}

internal sealed class LibraryFileConfiguration : IEntityTypeConfiguration<LibraryFile>
{
    public void Configure(EntityTypeBuilder<LibraryFile> builder)
    {
        builder.ToTable("LibraryFiles");
        builder.HasKey(f => new { f.TenantId, f.FileName });
        builder.Property(f => f.FileName).UseCollation("NOCASE");
    }
}
