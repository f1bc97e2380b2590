using System.Globalization;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Validation;

/// <summary>
/// Checks domain names: internationalised names are converted to punycode first (IDNA), then every label must be
/// 1–63 letters, digits or hyphens not starting or ending with a hyphen, the whole name at most 253 characters, at
/// least two labels, and a top-level label that is not all digits (so an IPv4 address is not a domain).
/// </summary>
internal static class DomainNameValidator
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>Whether <paramref name="value"/> is a valid domain name.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value) => ToAscii(value) is not null;

    /// <summary>The ASCII (punycode) form of a valid domain name, or <see langword="null"/> when invalid.</summary>
    /// <returns>The lower-case ASCII form.</returns>
    public static string? ToAscii(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength * 4 || value.Any(char.IsWhiteSpace))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(value).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = ascii.Split('.');
        return ascii.Length <= MaxLength && labels.Length >= 2 && labels.All(IsLabel) && !labels[^1].All(char.IsAsciiDigit)
            ? ascii
            : null;
    }

    /// <summary>Throws <c>InvalidDomainName</c> naming <paramref name="value"/> unless it is valid.</summary>
    /// <returns>The lower-case ASCII form.</returns>
    /// <exception cref="DefenderErrorException">The value is not a domain name.</exception>
    public static string Require(string value) =>
        ToAscii(value) ?? throw new DefenderErrorException(DefenderErrors.InvalidDomain(value));

    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= MaxLabelLength
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
