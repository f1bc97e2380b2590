using System.Net;
using System.Net.Sockets;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Validation;

/// <summary>
/// Checks IP addresses strictly. IPv4 must be a dotted quad of decimal octets 0–255 without leading zeros;
/// the shorthand, hexadecimal and octal forms a lenient parser accepts (<c>1.2.3</c>, <c>0x7f.1</c>, <c>01.2.3.4</c>)
/// are refused, as is CIDR notation (the indicator pages: "CIDR notation for IPs isn't supported"). IPv6 may be
/// full, compressed or IPv4-mapped; zone ids, brackets and prefixes are refused.
/// </summary>
internal static class IpAddressValidator
{
    /// <summary>Whether <paramref name="value"/> is one IPv4 or IPv6 address in a strict textual form.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && (value.Contains(':', StringComparison.Ordinal) ? IsIPv6(value) : IsIPv4(value));

    /// <summary>Throws <c>InvalidIpAddress</c> naming <paramref name="value"/> unless it is valid.</summary>
    /// <exception cref="DefenderErrorException">The value is not an IP address.</exception>
    public static void Require(string value)
    {
        if (!IsValid(value))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidIp(value));
        }
    }

    /// <summary>Whether <paramref name="value"/> is a strict dotted-quad IPv4 address.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsIPv4(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(IsOctet);
    }

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3
        && part.All(char.IsAsciiDigit)
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255;

    private static bool IsIPv6(string value)
    {
        if (!value.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
        {
            return false;
        }

        var lastColon = value.LastIndexOf(':');
        var tail = value[(lastColon + 1)..];
        if (tail.Contains('.', StringComparison.Ordinal) && !IsIPv4(tail))
        {
            return false;
        }

        return IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
