using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>String, URL, path, encoding, IP and regular-expression functions.</summary>
public static partial class HuntingSqlFunctions
{
    internal const string CountOf = "kql_countof";
    internal const string ParseUrl = "kql_parse_url";
    internal const string ParsePath = "kql_parse_path";
    internal const string Encoding = "kql_encoding";
    internal const string ExtractAll = "kql_extract_all";
    internal const string StrcatArray = "kql_strcat_array";
    internal const string Ipv4 = "kql_ipv4";
    internal const string ReplaceRegex = "kql_replace_regex";
    internal const string Trim = "kql_trim";
    internal const string ParseGroups = "kql_parse_groups";
    internal const string ToBool = "kql_tobool";
    internal const string MathFunction = "kql_math";

    private static void RegisterMore(SqliteConnection connection)
    {
        connection.CreateFunction<string?, string?, long, long?>(CountOf, CountOccurrences, isDeterministic: true);
        connection.CreateFunction<string?, string?>(ParseUrl, UrlParts, isDeterministic: true);
        connection.CreateFunction<string?, string?>(ParsePath, PathParts, isDeterministic: true);
        connection.CreateFunction<string, string?, string?>(Encoding, Encode, isDeterministic: true);
        connection.CreateFunction<string?, string?, string?>(ExtractAll, AllMatches, isDeterministic: true);
        connection.CreateFunction<string?, string?, string?>(StrcatArray, (json, delimiter) => Parse(json) is JsonArray array ? string.Join(delimiter ?? string.Empty, array.Select(NodeText)) : null, isDeterministic: true);
        connection.CreateFunction<string, string?, string?, long?>(Ipv4, Ipv4Operation, isDeterministic: true);
        connection.CreateFunction<string?, string?, string?, string?>(ReplaceRegex, (text, pattern, replacement) => text is null || pattern is null ? null : Guarded(() => Compile(pattern).Replace(text, ConvertReplacement(replacement ?? string.Empty)), text), isDeterministic: true);
        connection.CreateFunction<long, string?, string?, string?>(Trim, TrimMatches, isDeterministic: true);
        connection.CreateFunction<string?, string?, string?>(ParseGroups, MatchGroups, isDeterministic: true);
        connection.CreateFunction<object?, long?>(ToBool, ConvertToBool, isDeterministic: true);
        connection.CreateFunction<string, double?, double?, double?>(MathFunction, MathOperation, isDeterministic: true);
        RegisterDynamic(connection);
        RegisterTime(connection);
        RegisterAggregates(connection);
    }

    private static string NodeText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(JsonOptions),
    };

    private static T Guarded<T>(Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (RegexMatchTimeoutException)
        {
            return fallback;
        }
    }

    /// <summary>Kusto's replacement text names groups \1 and $1; .NET's only $1.</summary>
    private static string ConvertReplacement(string replacement) => Regex.Replace(replacement, @"\\(\d)", "$$$1");

    private static long? CountOccurrences(string? text, string? search, long regex)
    {
        if (text is null || string.IsNullOrEmpty(search))
        {
            return text is null ? null : 0;
        }

        if (regex != 0)
        {
            return Guarded<long?>(() => Compile(search).Matches(text).Count, null);
        }

        long count = 0;
        for (var i = text.IndexOf(search, StringComparison.Ordinal); i >= 0; i = text.IndexOf(search, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string? UrlParts(string? text)
    {
        if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || !text.Contains("://", StringComparison.Ordinal))
        {
            return text is null ? null : "{}";
        }

        var query = new JsonObject();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            query[key] = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
        }

        var user = uri.UserInfo.Split(':', 2);
        return new JsonObject
        {
            ["Scheme"] = uri.Scheme,
            ["Host"] = uri.Host,
            ["Port"] = uri.IsDefaultPort ? string.Empty : uri.Port.ToString(CultureInfo.InvariantCulture),
            ["Path"] = uri.AbsolutePath,
            ["Username"] = Uri.UnescapeDataString(user[0]),
            ["Password"] = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty,
            ["Query Parameters"] = query,
            ["Fragment"] = uri.Fragment.TrimStart('#'),
        }.ToJsonString(JsonOptions);
    }

    private static string? PathParts(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var scheme = string.Empty;
        var path = text;
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            scheme = path[..schemeEnd];
            path = path[(schemeEnd + 3)..];
        }

        var root = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' ? path[..2] : string.Empty;
        var lastSeparator = path.LastIndexOfAny(['\\', '/']);
        var directory = lastSeparator < 0 ? string.Empty : path[..lastSeparator];
        var fileAndStream = path[(lastSeparator + 1)..];
        var streamAt = fileAndStream.IndexOf(':', StringComparison.Ordinal);
        var file = streamAt < 0 ? fileAndStream : fileAndStream[..streamAt];
        var stream = streamAt < 0 ? string.Empty : fileAndStream[(streamAt + 1)..];
        var dot = file.LastIndexOf('.');
        var directoryName = directory[(directory.LastIndexOfAny(['\\', '/']) + 1)..];
        return new JsonObject
        {
            ["Scheme"] = scheme,
            ["RootPath"] = root,
            ["DirectoryPath"] = directory,
            ["DirectoryName"] = directoryName,
            ["Filename"] = file,
            ["Extension"] = dot < 0 ? string.Empty : file[(dot + 1)..],
            ["AlternateDataStreamName"] = stream,
        }.ToJsonString(JsonOptions);
    }

    private static string? Encode(string operation, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return operation switch
            {
                "base64_encode_tostring" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)),
                "base64_decode_tostring" => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)),
                "base64_decode_toarray" => new JsonArray([.. Convert.FromBase64String(text).Select(b => (JsonNode?)JsonValue.Create((long)b))]).ToJsonString(),
                "url_encode" or "url_encode_component" => Uri.EscapeDataString(text),
                "url_decode" => WebUtility.UrlDecode(text),
                "hash_sha256" => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                "hash_sha1" => Convert.ToHexStringLower(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                "hash_md5" => Convert.ToHexStringLower(MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
                "reverse" => new string([.. text.Reverse()]),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? AllMatches(string? pattern, string? text)
    {
        if (pattern is null || text is null)
        {
            return null;
        }

        return Guarded(() =>
        {
            var regex = Compile(pattern);
            var groups = regex.GetGroupNumbers().Length - 1;
            var matches = regex.Matches(text);
            if (matches.Count == 0)
            {
                return null;
            }

            var array = new JsonArray();
            foreach (Match match in matches)
            {
                array.Add(groups <= 1
                    ? JsonValue.Create(match.Groups[groups].Value)
                    : new JsonArray([.. match.Groups.Cast<Group>().Skip(1).Select(g => (JsonNode?)JsonValue.Create(g.Value))]));
            }

            return array.ToJsonString(JsonOptions);
        }, null);
    }

    private static string? TrimMatches(long mode, string? pattern, string? text)
    {
        if (pattern is null || text is null)
        {
            return text;
        }

        var start = mode is 0 or 1 ? $"^(?:{pattern})+" : null;
        var end = mode is 0 or 2 ? $"(?:{pattern})+$" : null;
        return Guarded(() =>
        {
            var result = start is null ? text : Compile(start).Replace(text, string.Empty, 1);
            return end is null ? result : Compile(end).Replace(result, string.Empty, 1);
        }, text);
    }

    private static string? MatchGroups(string? pattern, string? text)
    {
        if (pattern is null || text is null)
        {
            return null;
        }

        return Guarded(() =>
        {
            var match = Compile(pattern).Match(text);
            return match.Success
                ? new JsonArray([.. match.Groups.Cast<Group>().Skip(1).Select(g => (JsonNode?)JsonValue.Create(g.Value))]).ToJsonString(JsonOptions)
                : null;
        }, null);
    }

    private static long? ConvertToBool(object? value) => value switch
    {
        long l => l != 0 ? 1 : 0,
        double d => d != 0 ? 1 : 0,
        string s when s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || s.Trim() == "1" => 1,
        string s when s.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) || s.Trim() == "0" => 0,
        _ => null,
    };

    private static double? MathOperation(string operation, double? x, double? y)
    {
        if (x is not { } a)
        {
            return null;
        }

        var result = operation switch
        {
            "sqrt" => Math.Sqrt(a),
            "log" => Math.Log(a),
            "log10" => Math.Log10(a),
            "log2" => Math.Log2(a),
            "exp" => Math.Exp(a),
            "exp10" => Math.Pow(10, a),
            "exp2" => Math.Pow(2, a),
            "pow" when y is { } b => Math.Pow(a, b),
            "ceiling" => Math.Ceiling(a),
            "floor" => Math.Floor(a),
            _ => double.NaN,
        };
        return double.IsNaN(result) || double.IsInfinity(result) ? null : result;
    }

    private static long? Ipv4Operation(string operation, string? first, string? second)
    {
        if (ParseIpv4(first) is not var (address, prefix) || first is null)
        {
            return null;
        }

        switch (operation)
        {
            case "parse":
                return Masked(address, prefix);
            case "is_private":
                return InRange(address, 0x0A000000, 8) || InRange(address, 0xAC100000, 12) || InRange(address, 0xC0A80000, 16) ? 1 : 0;
            case "in_range" or "is_match" or "compare":
                if (ParseIpv4(second) is not var (other, otherPrefix) || second is null)
                {
                    return null;
                }

                if (operation == "in_range")
                {
                    return InRange(address, other, otherPrefix) ? 1 : 0;
                }

                var bits = Math.Min(prefix, otherPrefix);
                var compared = Masked(address, bits).CompareTo(Masked(other, bits));
                return operation == "compare" ? Math.Sign(compared) : compared == 0 ? 1 : 0;
            default:
                return null;
        }
    }

    private static bool InRange(long address, long network, int prefix) => Masked(address, prefix) == Masked(network, prefix);

    private static long Masked(long address, int prefix) => prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;

    private static (long Address, int Prefix)? ParseIpv4(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = 32;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32))
        {
            return null;
        }

        var parts = (slash >= 0 ? text[..slash] : text).Trim().Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        long address = 0;
        foreach (var part in parts)
        {
            if (!byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }

            address = (address << 8) | b;
        }

        return (address, prefix);
    }
}
