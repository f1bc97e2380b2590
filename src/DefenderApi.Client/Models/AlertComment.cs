namespace DefenderApi.Client.Models;

/// <summary>A comment on an alert or incident.</summary>
public sealed record AlertComment
{
    /// <summary>The text.</summary>
    public string? Comment { get; init; }

    /// <summary>Author.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset? CreatedTime { get; init; }
}
