using DefenderApi.Errors;

namespace DefenderApi.Emulator.Validation;

/// <summary>
/// Checks URLs for URL indicators and <c>educateUrl</c>: absolute <c>http</c>/<c>https</c> URLs whose host is a valid
/// domain name or IP address, without user information or whitespace.
/// </summary>
internal static class UrlValidator
{
    /// <summary>Whether <paramref name="value"/> is a valid absolute http(s) URL.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || !value.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']');
        return uri.HostNameType switch
        {
            UriHostNameType.IPv4 => IpAddressValidator.IsIPv4(OriginalHost(value)),
            UriHostNameType.IPv6 => IpAddressValidator.IsValid(host),
            UriHostNameType.Dns => DomainNameValidator.IsValid(host),
            _ => false,
        };
    }

    /// <summary>Throws <c>InvalidUrl</c> naming <paramref name="value"/> unless it is valid.</summary>
    /// <exception cref="DefenderErrorException">The value is not a valid URL.</exception>
    public static void Require(string value)
    {
        if (!IsValid(value))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidUrl(value));
        }
    }

    // Uri normalises "http://01.2.3/" to "1.2.0.3"; the host as written must itself be a strict dotted quad.
    private static string OriginalHost(string value)
    {
        var rest = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#', ':']);
        return end < 0 ? rest : rest[..end];
    }
}
