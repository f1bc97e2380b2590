using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace DefenderApi.Emulator.DropIn;

/// <summary>A plain relay to the requested host (only with <c>--proxy-passthrough</c>): bytes both ways, untouched.</summary>
internal static class PassthroughTunnel
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task RelayAsync(ConnectionContext connection, ConnectRequest request, CancellationToken cancellationToken)
    {
        using var upstream = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await upstream.ConnectAsync(request.Host, request.Port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            await ProxyReplies.RefuseAsync(connection, "502 Bad Gateway", $"The DefenderApi emulator could not reach {request.Authority}: {ex.Message}");
            return;
        }

        await ProxyReplies.EstablishedAsync(connection);
        await using var remote = upstream.GetStream();
        await using var local = DuplexStream.Over(connection.Transport);
        var toRemote = local.CopyToAsync(remote, cancellationToken);
        var toLocal = remote.CopyToAsync(local, cancellationToken);
        await Task.WhenAny(toRemote, toLocal);
    }
}
