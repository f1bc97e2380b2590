using System.Text;
using Microsoft.AspNetCore.Connections;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The proxy's own answers, written before any HTTP pipeline exists: <c>200 Connection Established</c>, and refusals
/// as one plain-text line (what forward proxies answer; a client shows it as the reason of its proxy error).
/// </summary>
internal static class ProxyReplies
{
    public static ValueTask<System.IO.Pipelines.FlushResult> EstablishedAsync(ConnectionContext connection) =>
        connection.Transport.Output.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), connection.ConnectionClosed);

    public static async Task RefuseAsync(ConnectionContext connection, string status, string reason)
    {
        var body = reason + "\n";
        var head = $"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
        await connection.Transport.Output.WriteAsync(Encoding.UTF8.GetBytes(head + body), connection.ConnectionClosed);
    }
}
