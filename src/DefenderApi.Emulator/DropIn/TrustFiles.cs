namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The files a client trusts the emulator's root through, beside the root: <c>bundle.pem</c> (this machine's public
/// roots plus the emulator's, for <c>SSL_CERT_FILE</c> and <c>REQUESTS_CA_BUNDLE</c>, which replace the default
/// bundle) and <c>certs/</c> holding only the root (a folder for <c>SSL_CERT_DIR</c>, which .NET on Linux reads).
/// </summary>
internal sealed record TrustFiles(string Root, string Bundle, string CertificateFolder)
{
    // Where Debian/Ubuntu, Fedora/RHEL, and Alpine/macOS keep the public roots.
    private static readonly string[] SystemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"];

    /// <summary>The folder of this machine's public roots, for <c>SSL_CERT_DIR</c> beside the emulator's.</summary>
    public static string? SystemCertificateFolder => Directory.Exists("/etc/ssl/certs") ? "/etc/ssl/certs" : null;

    /// <summary>Writes (refreshes) the bundle and the folder for an authority.</summary>
    /// <param name="authority">The authority.</param>
    /// <returns>The files.</returns>
    public static TrustFiles Write(CertificateAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var rootPem = File.ReadAllText(authority.RootCertificatePath);
        var system = SystemBundles.FirstOrDefault(File.Exists) is { } path ? File.ReadAllText(path) : string.Empty;
        var bundle = Path.Combine(authority.Directory, "bundle.pem");
        File.WriteAllText(bundle, $"{system.TrimEnd()}\n# DefenderApi emulator local root\n{rootPem}");
        var folder = Directory.CreateDirectory(Path.Combine(authority.Directory, "certs")).FullName;
        File.WriteAllText(Path.Combine(folder, "defenderapi-emulator-root.pem"), rootPem);
        return new TrustFiles(authority.RootCertificatePath, bundle, folder);
    }
}
