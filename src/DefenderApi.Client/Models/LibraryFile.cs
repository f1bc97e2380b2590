namespace DefenderApi.Client.Models;

/// <summary>A file in the live response library.</summary>
public sealed record LibraryFile
{
    /// <summary>File name.</summary>
    public string? FileName { get; init; }

    /// <summary>SHA-256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>When it was last updated.</summary>
    public DateTimeOffset? LastUpdatedTime { get; init; }

    /// <summary>Who uploaded it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Whether the script takes parameters.</summary>
    public bool? HasParameters { get; init; }

    /// <summary>Description of the parameters.</summary>
    public string? ParametersDescription { get; init; }
}
