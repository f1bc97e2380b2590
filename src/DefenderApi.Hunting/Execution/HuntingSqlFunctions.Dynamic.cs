using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>Dynamic (JSON) helpers: mv-expand in parallel, arrays, sets and property bags.</summary>
public static partial class HuntingSqlFunctions
{
    internal const string MvCount = "kql_mv_count";
    internal const string MvItem = "kql_mv_item";
    internal const string Series = "kql_series";
    internal const string ArrayFunction = "kql_array";
    internal const string BagKeys = "kql_bag_keys";
    internal const string TakeItems = "kql_take_items";

    private static void RegisterDynamic(SqliteConnection connection)
    {
        connection.CreateFunction<string?, long>(MvCount, MvCountOf, isDeterministic: true);
        connection.CreateFunction<string?, long, long, string?>(MvItem, MvItemAt, isDeterministic: true);
        connection.CreateFunction<long, string>(Series, n => JsonSerializer.Serialize(Enumerable.Range(0, (int)Math.Clamp(n, 0, 1_000_000))), isDeterministic: true);
        connection.CreateFunction<string, string?, string?, object?, string?>(ArrayFunction, ArrayOperation, isDeterministic: true);
        connection.CreateFunction<string?, string?>(BagKeys, json => Parse(json) is JsonObject bag ? new JsonArray([.. bag.Select(p => (JsonNode?)JsonValue.Create(p.Key))]).ToJsonString(JsonOptions) : null, isDeterministic: true);
        connection.CreateFunction<string?, long, string?>(TakeItems, (json, max) => Parse(json) is JsonArray array ? new JsonArray([.. array.Take((int)Math.Clamp(max, 0, int.MaxValue)).Select(n => n?.DeepClone())]).ToJsonString(JsonOptions) : json, isDeterministic: true);
    }

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long MvCountOf(string? json) => Parse(json) switch
    {
        JsonArray array => array.Count,
        JsonObject bag => bag.Count,
        _ => 1,
    };

    private static string? MvItemAt(string? json, long index, long bagAsArray)
    {
        var node = Parse(json);
        switch (node)
        {
            case JsonArray array:
                return index < array.Count ? array[(int)index]?.ToJsonString(JsonOptions) : null;
            case JsonObject bag:
                if (index >= bag.Count)
                {
                    return null;
                }

                var (key, value) = bag.ElementAt((int)index);
                JsonNode pair = bagAsArray != 0 ? new JsonArray(JsonValue.Create(key), value?.DeepClone()) : new JsonObject { [key] = value?.DeepClone() };
                return pair.ToJsonString(JsonOptions);
            default:
                return index == 0 ? node?.ToJsonString(JsonOptions) : null;
        }
    }

    /// <summary>Array and set functions over JSON text: one entry point, the operation named by its first argument.</summary>
    private static string? ArrayOperation(string operation, string? first, string? second, object? third)
    {
        var a = Parse(first) as JsonArray;
        var b = Parse(second) as JsonArray;
        if (a is null && operation != "concat")
        {
            return null;
        }

        IEnumerable<JsonNode?> result = operation switch
        {
            "set_union" when b is not null => DistinctNodes(a!.Concat(b)),
            "set_intersect" when b is not null => DistinctNodes(a!.Where(x => b.Any(y => JsonNode.DeepEquals(x, y)))),
            "set_difference" when b is not null => DistinctNodes(a!.Where(x => !b.Any(y => JsonNode.DeepEquals(x, y)))),
            "concat" => (a ?? []).Concat(b ?? []),
            "slice" => Slice(a!, second, third),
            "sort_asc" => a!.OrderBy(SortKey, StringComparer.Ordinal),
            "sort_desc" => a!.OrderByDescending(SortKey, StringComparer.Ordinal),
            "reverse" => a!.Reverse(),
            "distinct" => DistinctNodes(a!),
            _ => [],
        };
        if (operation is "set_union" or "set_intersect" or "set_difference" && b is null)
        {
            return null;
        }

        return new JsonArray([.. result.Select(n => n?.DeepClone())]).ToJsonString(JsonOptions);
    }

    private static IEnumerable<JsonNode?> DistinctNodes(IEnumerable<JsonNode?> nodes)
    {
        var seen = new List<JsonNode?>();
        foreach (var node in nodes)
        {
            if (!seen.Any(s => JsonNode.DeepEquals(s, node)))
            {
                seen.Add(node);
                yield return node;
            }
        }
    }

    private static string SortKey(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString("0000000000000000000.0000000", CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => string.Empty,
        _ => node.ToJsonString(),
    };

    private static IEnumerable<JsonNode?> Slice(JsonArray array, string? startText, object? endValue)
    {
        var start = long.Parse(startText ?? "0", CultureInfo.InvariantCulture);
        var end = endValue is long e ? e : array.Count - 1;
        start = start < 0 ? Math.Max(0, array.Count + start) : start;
        end = end < 0 ? array.Count + end : Math.Min(end, array.Count - 1);
        return start > end ? [] : array.Skip((int)start).Take((int)(end - start + 1));
    }
}
