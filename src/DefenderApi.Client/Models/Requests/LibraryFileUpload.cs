namespace DefenderApi.Client.Models;

/// <summary>The multipart form of <c>POST /api/libraryfiles</c>.</summary>
public sealed record LibraryFileUpload
{
    /// <summary>The file name the library stores.</summary>
    public required string FileName { get; init; }

    /// <summary>The file content (at most 20 MB).</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the script takes parameters.</summary>
    public bool? HasParameters { get; init; }

    /// <summary>Description of the parameters.</summary>
    public string? ParametersDescription { get; init; }

    /// <summary>Whether to replace a file of the same name.</summary>
    public bool? OverrideIfExists { get; init; }
}
