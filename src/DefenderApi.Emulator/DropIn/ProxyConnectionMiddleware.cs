using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// Makes the emulator's HTTP port an intercepting forward proxy (RFC 9110 <c>CONNECT</c>): a tunnel to a host the
/// emulator serves, on port 443, is answered <c>200</c>, TLS is terminated with a certificate of the local root for
/// the client's server name, and the decrypted connection goes on to Kestrel's HTTP server like any other, so the
/// requests inside pass the same pipeline (journal, faults, rate limits, auth) as direct calls. A tunnel anywhere else
/// is refused with <c>502</c> (or, with <see cref="DropInOptions.ProxyPassthrough"/>, relayed unchanged). Anything
/// that is not a <c>CONNECT</c> is left untouched for the HTTP server.
/// </summary>
internal sealed partial class ProxyConnectionMiddleware(
    ConnectionDelegate next,
    EmulatorCertificates certificates,
    IOptions<DropInOptions> options,
    ILogger<ProxyConnectionMiddleware> logger)
{
    // How long a client may take to send its CONNECT head and finish the TLS handshake.
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        ConnectPeek peek;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
        {
            timeout.CancelAfter(HandshakeTimeout);
            try
            {
                peek = await ConnectRequest.PeekAsync(connection.Transport.Input, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        switch (peek.Kind)
        {
            case ConnectPeekKind.NotConnect:
                await next(connection);
                return;
            case ConnectPeekKind.Malformed:
                LogMalformed(logger, connection.ConnectionId, peek.Problem!);
                await ProxyReplies.RefuseAsync(connection, "400 Bad Request", $"Bad CONNECT request: {peek.Problem}.");
                return;
        }

        var request = peek.Request!;
        if (request.Port == 443 && ServedHosts.IsServed(request.Host))
        {
            await TerminateAsync(connection, request);
        }
        else if (options.Value.ProxyPassthrough)
        {
            LogPassthrough(logger, connection.ConnectionId, request.Authority);
            await PassthroughTunnel.RelayAsync(connection, request, connection.ConnectionClosed);
        }
        else
        {
            LogRefused(logger, connection.ConnectionId, request.Authority);
            await ProxyReplies.RefuseAsync(connection, "502 Bad Gateway",
                $"The DefenderApi emulator does not serve {request.Authority}: it intercepts only Microsoft's Defender API and sign-in hosts on port 443 and tunnels nowhere else (start it with --proxy-passthrough to relay other hosts).");
        }
    }

    private async Task TerminateAsync(ConnectionContext connection, ConnectRequest request)
    {
        await ProxyReplies.EstablishedAsync(connection);
        var original = connection.Transport;
        var tls = new SslStream(DuplexStream.Over(original), leaveInnerStreamOpen: false);
        await using (tls)
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
            {
                timeout.CancelAfter(HandshakeTimeout);
                try
                {
                    await tls.AuthenticateAsServerAsync(SelectServerOptions, request, timeout.Token);
                }
                catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
                {
                    // An unknown server name, a client that distrusts the root or hangs up: that connection ends, nothing else.
                    LogHandshakeFailed(logger, connection.ConnectionId, request.Authority, ex.Message);
                    return;
                }
            }

            var tlsFeature = new TunnelTlsFeature(tls);
            connection.Features.Set<Microsoft.AspNetCore.Http.Features.ITlsConnectionFeature>(tlsFeature);
            connection.Features.Set<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>(tlsFeature);
            connection.Features.Set<Microsoft.AspNetCore.Server.Kestrel.Core.Features.ITlsApplicationProtocolFeature>(tlsFeature);
            connection.Transport = StreamPipe.Over(tls);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = original;
            }
        }
    }

    private ValueTask<SslServerAuthenticationOptions> SelectServerOptions(
        SslStream stream, SslClientHelloInfo hello, object? state, CancellationToken cancellationToken)
    {
        var request = (ConnectRequest)state!;
        var name = string.IsNullOrEmpty(hello.ServerName) ? request.Host : hello.ServerName;
        var certificate = certificates.Authority.ServerCertificateFor(name)
            ?? throw new AuthenticationException($"The emulator has no certificate for '{name}': it serves only Microsoft's Defender API and sign-in hosts.");
        return ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate.Context,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            ClientCertificateRequired = false,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: malformed CONNECT refused ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string connectionId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: CONNECT {Target} refused, not a served host")]
    private static partial void LogRefused(ILogger logger, string connectionId, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: CONNECT {Target} relayed (--proxy-passthrough)")]
    private static partial void LogPassthrough(ILogger logger, string connectionId, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: TLS handshake for CONNECT {Target} failed: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, string connectionId, string target, string reason);
}
