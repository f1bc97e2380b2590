using DefenderApi.Emulator.Hosting;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.DropIn;

/// <summary>The process's certificate authority, loaded (or created) on the first TLS handshake or CONNECT, not at start.</summary>
internal sealed class EmulatorCertificates : IDisposable
{
    private readonly Lazy<CertificateAuthority> _authority;

    /// <summary>Prepares the authority for the configured folder.</summary>
    /// <param name="emulator">The storage settings.</param>
    /// <param name="dropIn">The drop-in settings.</param>
    /// <param name="time">The clock certificate validity starts from.</param>
    public EmulatorCertificates(IOptions<EmulatorOptions> emulator, IOptions<DropInOptions> dropIn, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(dropIn);
        var directory = dropIn.Value.ResolveCertificateDirectory(emulator.Value);
        _authority = new Lazy<CertificateAuthority>(() => CertificateAuthority.LoadOrCreate(directory, time), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The authority.</summary>
    public CertificateAuthority Authority => _authority.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_authority.IsValueCreated)
        {
            _authority.Value.Dispose();
        }
    }
}
