using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>The KQL semantics SQLite lacks, registered as functions on the connection that runs hunting queries.</summary>
public static partial class HuntingSqlFunctions
{
    internal const string Has = "kql_has";
    internal const string Split = "kql_split";
    internal const string ParseJson = "kql_parse_json";
    internal const string DateTimeText = "kql_datetime_text";
    internal const string TimeSpanText = "kql_timespan_text";
    internal const string ToLong = "kql_tolong";
    internal const string ToReal = "kql_toreal";
    internal const string ToDateTime = "kql_todatetime";
    internal const string Extract = "kql_extract";
    internal const string Regexp = "regexp";

    private static readonly ConditionalWeakTable<SqliteConnection, object> Registered = [];
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The longest a regular expression may run on one value (defends against catastrophic backtracking).</summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Registers the functions on an open connection (once per connection).</summary>
    /// <param name="connection">The open connection.</param>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Registered.TryGetValue(connection, out _))
        {
            return;
        }

        connection.CreateFunction<string?, string?, long, long, bool>(Has, (hay, needle, mode, cs) => HasTerm(hay, needle, (int)mode, cs != 0), isDeterministic: true);
        connection.CreateFunction<string?, string?, string?>(Split, (text, delimiter) => SplitToJson(text, delimiter), isDeterministic: true);
        connection.CreateFunction<string?, string?>(ParseJson, NormalizeJson, isDeterministic: true);
        connection.CreateFunction<long?, string?>(DateTimeText, ticks => ticks is { } t ? HuntingValueFormat.DateTime(t) : null, isDeterministic: true);
        connection.CreateFunction<long?, string?>(TimeSpanText, ticks => ticks is { } t ? TimeSpan.FromTicks(t).ToString("c", CultureInfo.InvariantCulture) : null, isDeterministic: true);
        connection.CreateFunction<object?, long?>(ToLong, ConvertToLong, isDeterministic: true);
        connection.CreateFunction<object?, double?>(ToReal, ConvertToReal, isDeterministic: true);
        connection.CreateFunction<string?, long?>(ToDateTime, ParseDateTime, isDeterministic: true);
        connection.CreateFunction<string?, string?, bool>(Regexp, (pattern, value) => pattern is not null && value is not null && IsMatch(pattern, value), isDeterministic: true);
        connection.CreateFunction<string?, long, string?, string?>(Extract, ExtractGroup, isDeterministic: true);
        RegisterMore(connection);
        Registered.AddOrUpdate(connection, new object());
    }

    /// <summary>
    /// KQL 'has': the needle occurs as a whole term, i.e. not glued to letters or digits on either side
    /// (mode 1 checks only the start, as hasprefix; mode 2 only the end, as hassuffix).
    /// </summary>
    internal static bool HasTerm(string? hay, string? needle, int mode, bool caseSensitive)
    {
        if (hay is null || needle is null)
        {
            return false;
        }

        if (needle.Length == 0)
        {
            return true;
        }

        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var index = hay.IndexOf(needle, comparison); index >= 0; index = hay.IndexOf(needle, index + 1, comparison))
        {
            var end = index + needle.Length;
            var startOk = index == 0 || !char.IsLetterOrDigit(hay[index - 1]) || !char.IsLetterOrDigit(needle[0]);
            var endOk = end == hay.Length || !char.IsLetterOrDigit(hay[end]) || !char.IsLetterOrDigit(needle[^1]);
            if ((mode == 1 || endOk) && (mode == 2 || startOk))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// split() as a JSON array, written part by part: mv-expand over split() calls this for every row, and serializing a
    /// <c>string[]</c> first allocated the array and every part.
    /// </summary>
    private static string? SplitToJson(string? text, string? delimiter)
    {
        if (text is null || string.IsNullOrEmpty(delimiter))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
        {
            writer.WriteStartArray();
            var rest = text.AsSpan();
            for (var at = rest.IndexOf(delimiter, StringComparison.Ordinal); at >= 0; at = rest.IndexOf(delimiter, StringComparison.Ordinal))
            {
                writer.WriteStringValue(rest[..at]);
                rest = rest[(at + delimiter.Length)..];
            }

            writer.WriteStringValue(rest);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static string? NormalizeJson(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text)?.ToJsonString(JsonOptions) ?? "null";
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(text, JsonOptions);
        }
    }

    private static long? ConvertToLong(object? value) => value switch
    {
        long l => l,
        double d when !double.IsNaN(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        _ => null,
    };

    private static double? ConvertToReal(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static long? ParseDateTime(string? text) =>
        text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value.Ticks
            : null;

    private static Regex Compile(string pattern) => Regexes.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, RegexTimeout));

    private static bool IsMatch(string pattern, string value)
    {
        try
        {
            return Compile(pattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string? ExtractGroup(string? pattern, long group, string? value)
    {
        if (pattern is null || value is null)
        {
            return null;
        }

        try
        {
            var match = Compile(pattern).Match(value);
            return match.Success && group >= 0 && group < match.Groups.Count ? match.Groups[(int)group].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
