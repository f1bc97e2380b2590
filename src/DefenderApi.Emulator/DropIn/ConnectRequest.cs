using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace DefenderApi.Emulator.DropIn;

/// <summary>A parsed HTTP/1.1 <c>CONNECT host:port</c> request head (RFC 9110, section 9.3.6).</summary>
/// <param name="Host">The target host (IPv6 without brackets).</param>
/// <param name="Port">The target port.</param>
internal sealed record ConnectRequest(string Host, int Port)
{
    /// <summary>Largest request head accepted before the tunnel starts.</summary>
    public const int MaxHeadBytes = 16 * 1024;

    private static ReadOnlySpan<byte> Method => "CONNECT "u8;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    /// <summary>The target as written in the request line (<c>host:port</c>, IPv6 in brackets).</summary>
    public string Authority => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>
    /// Looks at the start of a connection. Anything that is not a <c>CONNECT</c> is left unread for the HTTP server;
    /// a <c>CONNECT</c> head is consumed (bytes after it, such as an early TLS ClientHello, stay in the pipe).
    /// </summary>
    /// <param name="input">The connection's input.</param>
    /// <param name="cancellationToken">Ends the wait for a slow client.</param>
    /// <returns>Not a CONNECT, a parsed request, or a malformed one with its reason.</returns>
    public static async ValueTask<ConnectPeek> PeekAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var verdict = Inspect(buffer, result.IsCompleted, out var consumed);
            switch (verdict.Kind)
            {
                case ConnectPeekKind.NotConnect:
                    input.AdvanceTo(buffer.Start);
                    return verdict;
                case ConnectPeekKind.NeedMore:
                    input.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                default:
                    input.AdvanceTo(consumed);
                    return verdict;
            }
        }
    }

    private static ConnectPeek Inspect(ReadOnlySequence<byte> buffer, bool completed, out SequencePosition consumed)
    {
        consumed = buffer.Start;
        Span<byte> start = stackalloc byte[8];
        var length = (int)Math.Min(buffer.Length, start.Length);
        buffer.Slice(0, length).CopyTo(start);
        if (!Method.StartsWith(start[..length]))
        {
            return ConnectPeek.NotConnect;
        }

        if (length < Method.Length)
        {
            return completed ? ConnectPeek.NotConnect : ConnectPeek.NeedMore;
        }

        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, HeadEnd, advancePastDelimiter: true))
        {
            return buffer.Length > MaxHeadBytes ? ConnectPeek.Malformed("the CONNECT request head is too large")
                : completed ? ConnectPeek.Malformed("the connection closed inside the CONNECT request head")
                : ConnectPeek.NeedMore;
        }

        consumed = reader.Position;
        if (head.Length > MaxHeadBytes)
        {
            return ConnectPeek.Malformed("the CONNECT request head is too large");
        }

        var text = Encoding.Latin1.GetString(head);
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        return Parse(lineEnd < 0 ? text : text[..lineEnd]);
    }

    private static ConnectPeek Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[2] is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return ConnectPeek.Malformed($"'{Printable(line)}' is not a CONNECT request line (CONNECT host:port HTTP/1.1)");
        }

        var authority = parts[1];
        var colon = authority.LastIndexOf(':');
        var host = colon > 0 ? authority[..colon] : string.Empty;
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            host = string.Empty;
        }

        if (host.Length == 0 || host.Length > 253 || !host.All(IsHostCharacter)
            || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return ConnectPeek.Malformed($"'{Printable(authority)}' is not a host:port target");
        }

        return ConnectPeek.Connect(new ConnectRequest(host, port));
    }

    private static bool IsHostCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '_';

    private static string Printable(string text)
    {
        var shown = new string([.. text.Take(200).Select(c => char.IsControl(c) || c > '~' ? '?' : c)]);
        return text.Length > 200 ? shown + "…" : shown;
    }
}

/// <summary>What the start of a connection is.</summary>
internal enum ConnectPeekKind
{
    /// <summary>Not a CONNECT: the HTTP server handles it.</summary>
    NotConnect,

    /// <summary>More bytes are needed to decide.</summary>
    NeedMore,

    /// <summary>A well-formed CONNECT.</summary>
    Connect,

    /// <summary>A CONNECT that cannot be parsed.</summary>
    Malformed,
}

/// <summary>The result of looking at a connection's first bytes.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Request">The request, for <see cref="ConnectPeekKind.Connect"/>.</param>
/// <param name="Problem">Why it is malformed, for <see cref="ConnectPeekKind.Malformed"/>.</param>
internal sealed record ConnectPeek(ConnectPeekKind Kind, ConnectRequest? Request, string? Problem)
{
    public static readonly ConnectPeek NotConnect = new(ConnectPeekKind.NotConnect, null, null);

    public static readonly ConnectPeek NeedMore = new(ConnectPeekKind.NeedMore, null, null);

    public static ConnectPeek Connect(ConnectRequest request) => new(ConnectPeekKind.Connect, request, null);

    public static ConnectPeek Malformed(string problem) => new(ConnectPeekKind.Malformed, null, problem);
}
