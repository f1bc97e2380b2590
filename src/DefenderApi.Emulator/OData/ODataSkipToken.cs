using System.Buffers.Text;
using System.Text;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// The <c>$skiptoken</c> of a next-page link in a collection's stable order: the key of the last row the page
/// answered, so the next page holds the rows with a greater key as they are when it is asked for. Rows written
/// during a walk are never repeated and never shift a later page; deleted rows never make it skip one.
/// </summary>
internal static class ODataSkipToken
{
    /// <summary>The token for a key.</summary>
    /// <param name="key">The last row's stable key.</param>
    /// <returns>The token (base64url, opaque to callers).</returns>
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key a token holds.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DefenderErrorException">Not a token this service wrote (400 <c>ODataError</c>).</exception>
    public static string Decode(string token)
    {
        if (token.Length > 0 && Base64Url.IsValid(token))
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token));
            }
            catch (DecoderFallbackException)
            {
                // falls through to the error
            }
        }

        throw new DefenderErrorException(DefenderErrors.OData($"The value '{token}' for $skiptoken is not a token this service answered in an @odata.nextLink."));
    }
}
