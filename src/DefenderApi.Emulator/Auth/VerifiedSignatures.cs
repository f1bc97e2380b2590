using System.Collections.Concurrent;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// Checks a token's RS256 signature against the emulator's key once per distinct token: an RSA verification was
/// the largest single cost of an authenticated request (26 µs, TokenValidationBenchmarks), and a client sends the same
/// token for its whole lifetime. Only the signature is remembered; audience, issuer (the tenant must still exist),
/// lifetime (on <see cref="TimeProvider"/>) and everything else are still checked on every request by JwtBearer.
/// The key never changes while the process lives, so a verified signature stays verified.
/// </summary>
internal sealed class VerifiedSignatures(SigningKeyStore keys)
{
    // Bounded so that a caller minting a new token per request cannot grow it without end.
    private const int Capacity = 4_096;

    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    /// <summary>The <see cref="TokenValidationParameters.SignatureValidator"/>: the parsed token, or an exception.</summary>
    /// <param name="token">The compact JWS.</param>
    /// <param name="parameters">The validation parameters (unused: the key and algorithm are the emulator's).</param>
    /// <returns>The token.</returns>
    /// <exception cref="SecurityTokenInvalidSignatureException">Unsigned, or the signature does not verify.</exception>
    /// <exception cref="SecurityTokenInvalidAlgorithmException">Signed with another algorithm than RS256.</exception>
    public SecurityToken Validate(string token, TokenValidationParameters parameters)
    {
        var jwt = new JsonWebToken(token);
        if (_verified.ContainsKey(token))
        {
            return jwt;
        }

        if (jwt.EncodedSignature.Length == 0)
        {
            throw new SecurityTokenInvalidSignatureException("The token is not signed.");
        }

        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidAlgorithmException($"The token's algorithm '{jwt.Alg}' is not accepted.") { InvalidAlgorithm = jwt.Alg };
        }

        if (!Verify(jwt))
        {
            throw new SecurityTokenInvalidSignatureException("The token's signature does not verify with the emulator's key.");
        }

        if (_verified.Count >= Capacity)
        {
            _verified.Clear();
        }

        _verified.TryAdd(token, 0);
        return jwt;
    }

    private bool Verify(JsonWebToken jwt)
    {
        var factory = keys.Key.CryptoProviderFactory;
        var provider = factory.CreateForVerifying(keys.Key, SecurityAlgorithms.RsaSha256);
        try
        {
            var signed = Encoding.ASCII.GetBytes($"{jwt.EncodedHeader}.{jwt.EncodedPayload}");
            return provider.Verify(signed, Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature));
        }
        catch (FormatException)
        {
            return false;
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }
}
