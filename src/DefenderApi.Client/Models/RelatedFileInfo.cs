namespace DefenderApi.Client.Models;

/// <summary>The file a machine action refers to.</summary>
public sealed record RelatedFileInfo
{
    /// <summary>The file identifier.</summary>
    public string? FileIdentifier { get; init; }

    /// <summary><c>Sha1</c>, <c>Sha256</c> or <c>Md5</c>.</summary>
    public string? FileIdentifierType { get; init; }
}
