namespace DefenderApi.Client.Models;

/// <summary>The per-item result of an indicator import.</summary>
public sealed record IndicatorImportResult
{
    /// <summary>The indicator id.</summary>
    public string? Id { get; init; }

    /// <summary>The indicator value.</summary>
    public string? Indicator { get; init; }

    /// <summary>Whether the item failed.</summary>
    public bool? IsFailed { get; init; }

    /// <summary>Why it failed.</summary>
    public string? FailureReason { get; init; }
}
