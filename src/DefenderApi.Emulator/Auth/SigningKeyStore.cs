using System.Security.Cryptography;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// The RS256 key tokens are signed with. Kept in the data directory so tokens stay valid across restarts of the
/// same data; generated per process for in-memory storage.
/// </summary>
internal sealed class SigningKeyStore : IDisposable
{
    private readonly RSA _rsa = RSA.Create();

    /// <summary>Loads or creates the key.</summary>
    /// <param name="options">The emulator options.</param>
    /// <param name="location">The database location (its folder holds the key).</param>
    public SigningKeyStore(IOptions<EmulatorOptions> options, DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(location);
        var keyFile = location.FilePath is null ? null : Path.Combine(Path.GetDirectoryName(location.FilePath)!, "signing-key.pem");
        if (keyFile is not null && File.Exists(keyFile))
        {
            _rsa.ImportFromPem(File.ReadAllText(keyFile));
        }
        else
        {
            _rsa.KeySize = 2048;
            if (keyFile is not null)
            {
                File.WriteAllText(keyFile, _rsa.ExportRSAPrivateKeyPem());
            }
        }

        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Modulus!, .. parameters.Exponent!]).AsSpan(0, 20).ToArray());
        Key = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
        Modulus = Base64UrlEncoder.Encode(parameters.Modulus);
        Exponent = Base64UrlEncoder.Encode(parameters.Exponent);
    }

    /// <summary>The key id (<c>kid</c>).</summary>
    public string KeyId { get; }

    /// <summary>The key, for validation.</summary>
    public RsaSecurityKey Key { get; }

    /// <summary>The signing credentials (RS256).</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>The public modulus, base64url (for JWKS).</summary>
    public string Modulus { get; }

    /// <summary>The public exponent, base64url (for JWKS).</summary>
    public string Exponent { get; }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();
}
