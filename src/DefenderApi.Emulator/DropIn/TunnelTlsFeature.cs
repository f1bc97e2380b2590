using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The TLS facts of a terminated tunnel, as the HTTPS connection middleware publishes them: their presence makes
/// Kestrel report the requests inside as <c>https</c>.
/// </summary>
/// <param name="tls">The authenticated stream.</param>
internal sealed class TunnelTlsFeature(SslStream tls) : ITlsConnectionFeature, ITlsHandshakeFeature, ITlsApplicationProtocolFeature
{
    public X509Certificate2? ClientCertificate { get; set; }

    public ReadOnlyMemory<byte> ApplicationProtocol => tls.NegotiatedApplicationProtocol.Protocol;

    public SslProtocols Protocol => tls.SslProtocol;

    public TlsCipherSuite? NegotiatedCipherSuite => tls.NegotiatedCipherSuite;

    public string HostName => tls.TargetHostName;

#pragma warning disable SYSLIB0058 // the interface still carries the obsolete members
    public CipherAlgorithmType CipherAlgorithm => tls.CipherAlgorithm;

    public int CipherStrength => tls.CipherStrength;

    public HashAlgorithmType HashAlgorithm => tls.HashAlgorithm;

    public int HashStrength => tls.HashStrength;

    public ExchangeAlgorithmType KeyExchangeAlgorithm => tls.KeyExchangeAlgorithm;

    public int KeyExchangeStrength => tls.KeyExchangeStrength;
#pragma warning restore SYSLIB0058

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);
}
