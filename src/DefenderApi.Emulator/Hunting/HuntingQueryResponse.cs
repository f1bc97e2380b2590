using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// The answer of both advanced hunting run calls, as "Advanced hunting API"
/// (https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api) shows it. <see cref="HuntingResponse"/>
/// streams it row by row; this type describes it in the OpenAPI document.
/// </summary>
/// <param name="Stats">Query statistics (execution time, resource usage, data set statistics).</param>
/// <param name="Schema">The result's columns in order.</param>
/// <param name="Results">The rows, each an object keyed by column name.</param>
internal sealed record HuntingQueryResponse(
    [property: JsonPropertyName("Stats")] JsonElement? Stats,
    [property: JsonPropertyName("Schema")] IReadOnlyList<HuntingColumn> Schema,
    [property: JsonPropertyName("Results")] IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Results);

/// <summary>One column of an advanced hunting result.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The wire type: <c>DateTime</c>, <c>String</c>, <c>Int64</c>, <c>Int32</c>, <c>Double</c>, <c>Boolean</c>, <c>Guid</c>, <c>Object</c>.</param>
internal sealed record HuntingColumn(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Type")] string Type);
