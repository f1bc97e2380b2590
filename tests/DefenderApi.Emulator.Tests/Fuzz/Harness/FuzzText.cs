using CsCheck;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>Text a hostile client sends: edge values, odd Unicode, long runs, injection-shaped strings.</summary>
public static class FuzzText
{
    /// <summary>Stands for a JSON value's raw text inside a serialized body (see <see cref="FuzzJson"/>).</summary>
    public const string LoneSurrogate = "\u0001lone\u0001";

    private static readonly string[] Edges =
    [
        "", " ", "0", "-1", "1", "2147483648", "99999999999999999999", "1e400", "NaN", "null", "true", "..", "../..", "%", "%00",
        "%ZZ", "'", "''", "' or 1 eq 1", "\"", "\\", "a'b", "x eq 'y'", "contains(id,'1')", "$metadata", "()", "(", ")", ",",
        "🙂", "\u202e", "\u00e9t\u00e9", "\ufeff", "\uffff", "日本", "a\tb", "1111111111111111111111111111111111111111",
        "87662bc3d60e4200ceaf7aae249d1c343f4b83c9", "10.0.0.5", "::1", "999.1.1.1", "evil.example", "http://evil.example/x",
        "2026-11-01T10:00:00Z", "2026-13-45T99:99:99Z", "00000000-0000-0000-0000-000000000001", "Machine", "Alert",
    ];

    /// <summary>Any text (no control characters, so every HTTP client can send it in a URL or header).</summary>
    public static Gen<string> Any { get; } = Gen.Frequency(
        (6, Gen.OneOf(Edges)),
        (3, Gen.String[Gen.Char[' ', '~'], 0, 24]),
        (1, Gen.String[Gen.Char['\u00a0', '\u024f'], 1, 12]),
        (1, Gen.Int[100, 20_000].Select(n => new string('a', n))));

    /// <summary>Text for JSON string values: <see cref="Any"/>, control characters, and a lone surrogate.</summary>
    public static Gen<string> ForJson { get; } = Gen.Frequency(
        (8, Any),
        (1, Gen.String[Gen.Char['\u0000', '\u001f'], 1, 4]),
        (1, Gen.Const(LoneSurrogate)));

    /// <summary>A path segment: escaped, or raw when it can be.</summary>
    public static Gen<string> Segment { get; } = Gen.Select(Any, Gen.Bool, (text, escape) => escape ? Uri.EscapeDataString(text) : text);
}
