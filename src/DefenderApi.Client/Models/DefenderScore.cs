using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>An exposure or configuration score.</summary>
public sealed record DefenderScore
{
    /// <summary>The score.</summary>
    public double? Score { get; init; }

    /// <summary>When it was computed.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Device group name (by machine group only).</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>Device group id (by machine group only).</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberConverter))]
    public string? RbacGroupId { get; init; }
}
