using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>JSON bodies: a route's valid example, mutated the ways a client gets a body wrong.</summary>
public static class FuzzJson
{
    private const string Raw = "\u0002raw\u0002";

    /// <summary>A JSON value's text, nested a little.</summary>
    public static Gen<string> Value { get; } = ValueOf(2);

    /// <summary>A body for a route with <paramref name="example"/> as its valid body.</summary>
    /// <param name="example">The valid body.</param>
    /// <returns>The generator.</returns>
    public static Gen<byte[]> Body(string example)
    {
        var names = Names(JsonNode.Parse(example)!);
        var name = Gen.OneOf([.. names.DefaultIfEmpty("x")]);
        var text = Gen.Frequency(
            (2, Gen.Const(example)),
            (6, Gen.Select(name, Value, (n, v) => Mutate(example, n, node => node[Last(n)] = Raw, v))),
            (2, name.Select(n => Mutate(example, n, node => node.Remove(Last(n)), string.Empty))),
            (2, Gen.Select(name, Gen.Bool, (n, upper) => Mutate(example, n, node => Rename(node, Last(n), upper), string.Empty))),
            (1, Gen.Select(FuzzText.Any, Value, (n, v) => Mutate(example, string.Empty, node => node[n.Length == 0 ? "Extra" : n] = Raw, v))),
            (1, Value),
            (1, Gen.Int[0, Math.Max(0, example.Length - 1)].Select(n => example[..n])),
            (1, Gen.String[Gen.Char['\u0000', '\u00ff'], 0, 64]));
        return Gen.Select(text, Gen.Int[0, 9], Gen.Int[0, 1_000], (body, corrupt, at) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body.Replace(EscapedSurrogate, @"\ud800", StringComparison.Ordinal));
            if (corrupt != 0 || bytes.Length == 0)
            {
                return bytes;
            }

            // One in ten: bytes that are not UTF-8 somewhere in the body.
            var index = at % bytes.Length;
            return [.. bytes[..index], 0xC3, 0x28, .. bytes[index..]];
        });
    }

    private static string EscapedSurrogate => @"\u0001lone\u0001";

    private static Gen<string> ValueOf(int depth)
    {
        var scalar = Gen.Frequency(
            (2, Gen.OneOf("null", "true", "false", "0", "-1", "1.5", "1e400", "2147483648", "-9223372036854775809", "[]", "{}")),
            (1, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (5, FuzzText.ForJson.Select(Quote)));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = ValueOf(depth - 1);
        return Gen.Frequency(
            (6, scalar),
            (2, inner.Array[0, 4].Select(items => $"[{string.Join(',', items)}]")),
            (1, Gen.Select(FuzzText.Any, inner, (k, v) => $"{{{Quote(k)}:{v}}}")));
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static List<string> Names(JsonNode node, string prefix = "")
    {
        var names = new List<string>();
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                var path = prefix.Length == 0 ? key : $"{prefix}/{key}";
                names.Add(path);
                if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
                {
                    names.AddRange(Names(first, $"{path}/0"));
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
        {
            names.AddRange(Names(first, "0"));
        }

        return names;
    }

    private static string Last(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Mutate(string example, string path, Action<JsonObject> change, string rawValue)
    {
        var root = JsonNode.Parse(example)!;
        var target = root;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts.SkipLast(1))
        {
            target = int.TryParse(part, out var index) ? target![index] : target![part];
        }

        if (target is not JsonObject obj)
        {
            return example;
        }

        change(obj);
        return root.ToJsonString().Replace(Quote(Raw), rawValue, StringComparison.Ordinal);
    }

    private static void Rename(JsonObject node, string name, bool upper)
    {
        if (node[name] is not { } value)
        {
            return;
        }

        node.Remove(name);
        node[upper ? name.ToUpperInvariant() : name.ToLowerInvariant()] = value;
    }
}
