using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DefenderApi.Emulator.DropIn;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>The emulator's own root: constrained to Microsoft's names and loopback, kept owner-only, reused.</summary>
public sealed class CertificateAuthorityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("defenderapi-ca-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CertificateAuthority Create() => CertificateAuthority.LoadOrCreate(_directory, TimeProvider.System);

    [Fact]
    public void Root_CarriesACriticalNameConstraintsExtension_PermittingOnlyTheServedDomainsAndLoopback()
    {
        using var authority = Create();

        var extension = Assert.Single(authority.Root.Extensions, e => e.Oid?.Value == "2.5.29.30");
        Assert.True(extension.Critical);
        var (names, ranges) = ReadPermitted(extension.RawData);
        Assert.Equal(["microsoftonline.com", "microsoftonline.us", "windows.net", "microsoft.com", "microsoft.us", "onmicrosoft.com", "localhost"], names);
        Assert.Equal(["7F000000FF000000", "00000000000000000000000000000001FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"], ranges);
        var basics = Assert.IsType<X509BasicConstraintsExtension>(Assert.Single(authority.Root.Extensions, e => e is X509BasicConstraintsExtension));
        Assert.True(basics.CertificateAuthority);
        Assert.InRange(authority.Root.NotAfter - authority.Root.NotBefore, TimeSpan.FromDays(3650), TimeSpan.FromDays(3660));
    }

    [Fact]
    public void ChainCheck_OfACertificateTheRootKeySignedForAnotherSite_FailsOnTheNameConstraint()
    {
        using (Create())
        {
        }

        using var root = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_directory, CertificateAuthority.RootFileName));
        using var rootKey = ECDsa.Create();
        rootKey.ImportFromPem(File.ReadAllText(Path.Combine(_directory, CertificateAuthority.KeyFileName)));
        using var forged = SignLeaf(root, rootKey, "www.example.com");
        using var chain = DropInFactory.ChainTo(root);

        Assert.False(chain.Build(forged));
        Assert.Contains(chain.ChainStatus, s => s.Status.HasFlag(X509ChainStatusFlags.HasNotPermittedNameConstraint));
    }

    [Theory]
    [InlineData("api.securitycenter.microsoft.com")]
    [InlineData("eu.api.security.microsoft.com")]
    [InlineData("login.microsoftonline.com")]
    [InlineData("login.windows.net")]
    [InlineData("api-gov.securitycenter.microsoft.us")]
    [InlineData("login.microsoftonline.us")]
    public void ServerCertificate_ForAServedName_ChainsToTheRoot_AndNamesTheHost(string host)
    {
        using var authority = Create();

        var certificate = authority.ServerCertificateFor(host)!.Certificate;
        using var chain = DropInFactory.ChainTo(authority.Root);

        Assert.True(chain.Build(certificate), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(certificate.MatchesHostname(host));
        Assert.True(certificate.HasPrivateKey);
        Assert.Same(certificate, authority.ServerCertificateFor(host.ToUpperInvariant())!.Certificate);
    }

    [Theory]
    [InlineData("www.example.com")]
    [InlineData("evil.microsoft.com.example.net")]
    [InlineData("graph.microsoft.com")]
    public void ServerCertificate_ForANameTheEmulatorDoesNotServe_IsNeverMinted(string host)
    {
        using var authority = Create();

        Assert.Null(authority.ServerCertificateFor(host));
    }

    [Fact]
    public void ServerCertificate_WithoutAServerName_IsForLocalhostAndTheLoopbackAddresses()
    {
        using var authority = Create();

        var certificate = authority.ServerCertificateFor(null)!.Certificate;

        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("::1"));
        Assert.Same(certificate, authority.ServerCertificateFor("127.0.0.1")!.Certificate);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFile_IsOwnerOnly_InAnOwnerOnlyFolder_AndTheRootIsReusedOnTheNextStart()
    {
        string first;
        using (var authority = Create())
        {
            first = authority.Root.Thumbprint;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, CertificateAuthority.KeyFileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        using var again = Create();
        Assert.Equal(first, again.Root.Thumbprint);
    }

    [Fact]
    public async Task TwoProcessesStartingAtOnce_CreateOneRoot()
    {
        var thumbprints = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var authority = Create();
            return authority.Root.Thumbprint;
        })));

        Assert.Single(thumbprints.Distinct());
    }

    private static X509Certificate2 SignLeaf(X509Certificate2 root, ECDsa rootKey, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var now = TimeProvider.System.GetUtcNow();
        return request.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), now.AddDays(-1), now.AddDays(30), [1, 2, 3, 4]);
    }

    private static (List<string> Names, List<string> Ranges) ReadPermitted(byte[] der)
    {
        var names = new List<string>();
        var ranges = new List<string>();
        var permitted = new AsnReader(der, AsnEncodingRules.DER).ReadSequence().ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
        while (permitted.HasData)
        {
            var subtree = permitted.ReadSequence();
            var tag = subtree.PeekTag();
            if (tag == new Asn1Tag(TagClass.ContextSpecific, 2))
            {
                names.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else
            {
                ranges.Add(Convert.ToHexString(subtree.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 7))));
            }
        }

        return (names, ranges);
    }
}
