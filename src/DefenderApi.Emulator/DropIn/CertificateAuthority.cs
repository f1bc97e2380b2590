using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The emulator's own certificate authority: an ECDSA P-256 root valid ten years, whose critical Name Constraints
/// permit only <see cref="ServedHosts.PermittedDomains"/> and loopback, kept in a folder and reused across starts; and
/// server certificates it signs on demand for the names the emulator serves (one per name, cached).
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    /// <summary>The root certificate's file name (PEM), the file users trust.</summary>
    public const string RootFileName = "root.pem";

    /// <summary>The root key's file name (PKCS #8 PEM, owner-only).</summary>
    public const string KeyFileName = "root.key";

    private const string LocalhostName = "localhost";
    private static readonly TimeSpan RootLifetime = TimeSpan.FromDays(3653);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(397);
    private static readonly TimeSpan Backdate = TimeSpan.FromDays(1);

    private readonly ECDsa _rootKey;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<ServerCertificate>> _leaves = new(StringComparer.OrdinalIgnoreCase);

    private CertificateAuthority(string directory, X509Certificate2 root, ECDsa rootKey, TimeProvider time)
    {
        Directory = directory;
        Root = root;
        _rootKey = rootKey;
        _time = time;
    }

    /// <summary>The folder that holds the root.</summary>
    public string Directory { get; }

    /// <summary>The root certificate's PEM file.</summary>
    public string RootCertificatePath => Path.Combine(Directory, RootFileName);

    /// <summary>The root certificate (public part only).</summary>
    public X509Certificate2 Root { get; }

    /// <summary>Loads the root from <paramref name="directory"/>, creating it (and the folder) on first use.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="time">The clock the validity periods start from.</param>
    /// <returns>The authority.</returns>
    public static CertificateAuthority LoadOrCreate(string directory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        directory = Path.GetFullPath(directory);
        var (root, key) = RootFiles.LoadOrCreate(directory, () => CreateRoot(time));
        return new CertificateAuthority(directory, root, key, time);
    }

    /// <summary>
    /// The server certificate for a TLS server name: a served host, or (no name or a loopback address) one for
    /// <c>localhost</c>, 127.0.0.1 and ::1. Never one for a name the emulator does not serve.
    /// </summary>
    /// <param name="serverName">The SNI name, or <see langword="null"/>.</param>
    /// <returns>The certificate and its chain context, or <see langword="null"/> for a name not served.</returns>
    public ServerCertificate? ServerCertificateFor(string? serverName)
    {
        var name = string.IsNullOrEmpty(serverName) || IPAddress.TryParse(serverName.Trim('[', ']'), out _) ? LocalhostName : serverName.TrimEnd('.');
        if (!ServedHosts.IsServed(name))
        {
            return null;
        }

        return _leaves.GetOrAdd(name.ToLowerInvariant(), key => new Lazy<ServerCertificate>(() => Mint(key))).Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rootKey.Dispose();
        Root.Dispose();
        foreach (var leaf in _leaves.Values.Where(l => l.IsValueCreated))
        {
            leaf.Value.Certificate.Dispose();
        }
    }

    private static (X509Certificate2 Root, ECDsa Key) CreateRoot(TimeProvider time)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=DefenderApi Emulator Local Root, O=DefenderApi emulator (local only)", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(NameConstraints.Create(ServedHosts.PermittedDomains, NameConstraints.LoopbackRanges));
        var now = time.GetUtcNow();
        return (request.CreateSelfSigned(now - Backdate, now + RootLifetime), key);
    }

    private ServerCertificate Mint(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        if (name == LocalhostName)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
        }

        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var now = _time.GetUtcNow();
        var notAfter = now + LeafLifetime < Root.NotAfter ? now + LeafLifetime : new DateTimeOffset(Root.NotAfter);
        using var signed = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_rootKey), now - Backdate, notAfter, RandomNumberGenerator.GetBytes(16).Prepend((byte)0).ToArray());
        using var withKey = signed.CopyWithPrivateKey(key);

        // A PKCS #12 round trip gives a key every platform's TLS stack can use (Windows refuses ephemeral keys).
        var certificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
        return new ServerCertificate(certificate, SslStreamCertificateContext.Create(certificate, [Root], offline: true));
    }
}

/// <summary>A server certificate and the context TLS handshakes use (built once: it carries the chain).</summary>
/// <param name="Certificate">The certificate with its private key.</param>
/// <param name="Context">The handshake context (certificate plus root).</param>
internal sealed record ServerCertificate(X509Certificate2 Certificate, SslStreamCertificateContext Context);
