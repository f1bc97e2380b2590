using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DefenderApi.Hunting;

/// <summary>One column of the response <c>Schema</c>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The wire type name (<c>DateTime</c>, <c>String</c>, <c>Int64</c>, ...).</param>
public sealed record HuntingSchemaColumn(string Name, string Type);

/// <summary>The QueryResponse: <c>Stats</c>, <c>Schema</c> and <c>Results</c>, values already in the service's formats.</summary>
public sealed class HuntingQueryResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="schema">The columns.</param>
    /// <param name="results">The rows, each an object keyed by column name in schema order.</param>
    /// <param name="executionTime">Measured execution time.</param>
    /// <param name="resultBytes">The UTF-8 size of the rows.</param>
    public HuntingQueryResult(IReadOnlyList<HuntingSchemaColumn> schema, IReadOnlyList<JsonObject> results, TimeSpan executionTime, long resultBytes)
    {
        Schema = schema;
        Results = results;
        ExecutionTime = executionTime;
        ResultBytes = resultBytes;
    }

    /// <summary>The columns.</summary>
    public IReadOnlyList<HuntingSchemaColumn> Schema { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<JsonObject> Results { get; }

    /// <summary>Measured execution time (what the CPU quota is charged with, before the multiplier).</summary>
    public TimeSpan ExecutionTime { get; }

    /// <summary>The UTF-8 size of the rows.</summary>
    public long ResultBytes { get; }

    /// <summary>The response body as a JSON tree: <c>{"Stats":{...},"Schema":[...],"Results":[...]}</c> (rows are copied).</summary>
    /// <returns>The body.</returns>
    public JsonObject ToJson() => new()
    {
        ["Stats"] = Stats(),
        ["Schema"] = SchemaJson(),
        ["Results"] = new JsonArray([.. Results.Select(r => (JsonNode)r.DeepClone())]),
    };

    /// <summary>Writes the response body without copying the rows (what an endpoint streams).</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("Stats");
        Stats().WriteTo(writer);
        writer.WritePropertyName("Schema");
        SchemaJson().WriteTo(writer);
        writer.WriteStartArray("Results");
        foreach (var row in Results)
        {
            row.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The XDR page's statistics, every member of its example: execution time; resource usage with the cache (the rows
    /// read come from memory: SQLite's page cache stands in for the engine's, so disk shows no misses), CPU time and the
    /// memory peak (the result's size: what the query held at most beyond the tables); the result's row count and size.
    /// </summary>
    private JsonObject Stats()
    {
        var cpu = ExecutionTime.ToString("c", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["ExecutionTime"] = Math.Round(ExecutionTime.TotalSeconds, 6),
            ["resource_usage"] = new JsonObject
            {
                ["cache"] = new JsonObject
                {
                    ["memory"] = new JsonObject { ["hits"] = Results.Count, ["misses"] = 0, ["total"] = Results.Count },
                    ["disk"] = new JsonObject { ["hits"] = 0, ["misses"] = 0, ["total"] = 0 },
                },
                ["cpu"] = new JsonObject { ["user"] = cpu, ["kernel"] = TimeSpan.Zero.ToString("c", CultureInfo.InvariantCulture), ["total cpu"] = cpu },
                ["memory"] = new JsonObject { ["peak_per_node"] = ResultBytes },
            },
            ["dataset_statistics"] = new JsonArray(new JsonObject { ["table_row_count"] = Results.Count, ["table_size"] = ResultBytes }),
        };
    }

    private JsonArray SchemaJson() => new([.. Schema.Select(c => (JsonNode)new JsonObject { ["Name"] = c.Name, ["Type"] = c.Type })]);
}
