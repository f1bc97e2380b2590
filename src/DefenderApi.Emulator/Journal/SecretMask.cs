using System.Text.RegularExpressions;

namespace DefenderApi.Emulator.Journal;

/// <summary>
/// Masks secrets in what the journal keeps, so neither the admin API nor the dashboard ever shows one: credentials
/// in headers, JSON properties and form fields named like a secret (<c>client_secret</c>, <c>clientSecret</c>,
/// <c>password</c>, <c>client_assertion</c>, <c>access_token</c>, …), and anything shaped like a JWT wherever it is.
/// </summary>
internal static partial class SecretMask
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-emulator-admin-key", "cookie", "set-cookie", "proxy-authorization",
    };

    /// <summary>Whether a header, JSON property or form field of that name holds a secret.</summary>
    /// <param name="name">The name, in any case, with or without <c>_</c> and <c>-</c>.</param>
    /// <returns><see langword="true"/> for a secret.</returns>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return plain.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || plain.Contains("password", StringComparison.OrdinalIgnoreCase)
            || plain.Contains("assertion", StringComparison.OrdinalIgnoreCase)
            || plain.EndsWith("token", StringComparison.OrdinalIgnoreCase)
            || plain.EndsWith("apikey", StringComparison.OrdinalIgnoreCase)
            || plain.EndsWith("adminkey", StringComparison.OrdinalIgnoreCase)
            || plain.Equals("authorization", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A header's value as the journal keeps it: an <c>Authorization</c> keeps only its scheme.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The value, masked when it is a credential.</returns>
    public static string Header(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? $"{value[..space]} {Mask}" : Mask;
        }

        return SecretHeaders.Contains(name) || IsSecretName(name) ? Mask : Text(value);
    }

    /// <summary>
    /// Masks secrets in a body or query string: JSON string values and form values of secret-named fields, and every
    /// JWT-shaped run. Works on cut-off text too.
    /// </summary>
    /// <param name="text">JSON, form-encoded or plain text.</param>
    /// <returns>The text with secrets replaced by <see cref="Mask"/>.</returns>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = JsonProperty().Replace(text, m => IsSecretName(m.Groups["name"].Value)
            ? $"{m.Groups["head"].Value}\"{Mask}\""
            : m.Value);
        masked = FormField().Replace(masked, m => IsSecretName(Uri.UnescapeDataString(m.Groups["name"].Value.Replace('+', ' ')))
            ? $"{m.Groups["name"].Value}={Mask}"
            : m.Value);
        return Jwt().Replace(masked, Mask);
    }

    [GeneratedRegex("""(?<head>"(?<name>[^"\\]{1,128})"\s*:\s*)"(?:[^"\\]|\\.)*"?""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonProperty();

    [GeneratedRegex(@"(?<=^|[&?])(?<name>[^=&?\s""{}]{1,128})=(?<value>[^&\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FormField();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{6,}(?:\.[A-Za-z0-9_\-]*){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();
}
