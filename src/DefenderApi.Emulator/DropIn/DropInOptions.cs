using DefenderApi.Emulator.Hosting;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// Settings of the drop-in mode (configuration section <c>Emulator</c>, like <see cref="EmulatorOptions"/>): HTTPS on
/// Microsoft's host names, the intercepting proxy and where the local certificate authority lives.
/// </summary>
internal sealed record DropInOptions
{
    /// <summary>The HTTPS address <c>--https</c> adds when no <c>https://</c> URL is given in <c>--urls</c>.</summary>
    public const string DefaultHttpsUrl = "https://127.0.0.1:5311";

    /// <summary><c>--https</c>: also serve TLS at <see cref="HttpsUrl"/> with certificates of the local root.</summary>
    public bool Https { get; init; }

    /// <summary>The address <see cref="Https"/> listens on.</summary>
    public string HttpsUrl { get; init; } = DefaultHttpsUrl;

    /// <summary><c>--proxy-passthrough</c>: tunnel <c>CONNECT</c>s to hosts the emulator does not serve instead of refusing them.</summary>
    public bool ProxyPassthrough { get; init; }

    /// <summary>The folder of the local root; by default <c>ca</c> in the data folder, or a per-user folder with <c>--in-memory</c>.</summary>
    public string? CertificateDirectory { get; init; }

    /// <summary>The folder of the local root for these settings.</summary>
    /// <param name="emulator">The emulator's storage settings.</param>
    /// <returns>The absolute folder path.</returns>
    public string ResolveCertificateDirectory(EmulatorOptions emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        if (!string.IsNullOrWhiteSpace(CertificateDirectory))
        {
            return Path.GetFullPath(CertificateDirectory);
        }

        return emulator.Storage == StorageKind.InMemory
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "defenderapi", "ca")
            : Path.GetFullPath(Path.Combine(emulator.DataDirectory, "ca"));
    }
}
