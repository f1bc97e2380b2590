using System.Text.Json;

namespace DefenderApi.Client.Models;

/// <summary>The answer of an advanced hunting query: <c>{"Schema": [...], "Results": [...]}</c>.</summary>
public sealed record AdvancedQueryResult
{
    /// <summary>The columns.</summary>
    public IReadOnlyList<AdvancedQueryColumn> Schema { get; init; } = [];

    /// <summary>The rows, column name → value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Results { get; init; } = [];

    /// <summary>Execution statistics, when the service sends them (XDR).</summary>
    public JsonElement? Stats { get; init; }
}

/// <summary>A result column of an advanced hunting query.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type, e.g. <c>String</c>, <c>DateTime</c>.</param>
public sealed record AdvancedQueryColumn(string Name, string Type);
