using System.Net;

namespace DefenderApi.Emulator.DropIn;

/// <summary>
/// The host names the emulator answers for when it stands in for Microsoft's services: the MDE and Defender XDR API
/// hosts (global, regional, US Government) and the Entra sign-in hosts, plus loopback. The proxy terminates TLS only
/// for these names (on port 443) and the local certificate authority only signs them.
/// </summary>
internal static class ServedHosts
{
    /// <summary>The API hosts ("Supported Microsoft Defender for Endpoint APIs" and the regional lists of the API pages).</summary>
    public static IReadOnlyList<string> ApiHosts { get; } =
    [
        "api.securitycenter.microsoft.com",
        "api-eu.securitycenter.microsoft.com",
        "api-us.securitycenter.microsoft.com",
        "api-uk.securitycenter.microsoft.com",
        "api-au.securitycenter.microsoft.com",
        "api.security.microsoft.com",
        "eu.api.security.microsoft.com",
        "us.api.security.microsoft.com",
        "uk.api.security.microsoft.com",
        "au.api.security.microsoft.com",
        "swa.api.security.microsoft.com",
        "api-eu.security.microsoft.com",
        "api-us.security.microsoft.com",
        "api-uk.security.microsoft.com",
        "api-gcc.securitycenter.microsoft.us",
        "api-gov.securitycenter.microsoft.us",
        "api-gcc.security.microsoft.us",
        "api-gov.security.microsoft.us",
    ];

    /// <summary>The Entra ID sign-in hosts (public cloud, its legacy name, US Government).</summary>
    public static IReadOnlyList<string> LoginHosts { get; } =
    [
        "login.microsoftonline.com",
        "login.windows.net",
        "login.microsoftonline.us",
    ];

    /// <summary>The DNS subtrees the root certificate's Name Constraints permit (a leaked key signs nothing else).</summary>
    public static IReadOnlyList<string> PermittedDomains { get; } =
    [
        "microsoftonline.com",
        "microsoftonline.us",
        "windows.net",
        "microsoft.com",
        "microsoft.us",
        "onmicrosoft.com",
        "localhost",
    ];

    private static readonly HashSet<string> Names = new([.. ApiHosts, .. LoginHosts, "localhost"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the emulator answers for <paramref name="host"/> (a DNS name or a loopback address).</summary>
    /// <param name="host">The host, without port; IPv6 literals with or without brackets.</param>
    /// <returns><see langword="true"/> for a served name or a loopback address.</returns>
    public static bool IsServed(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        return Names.Contains(host.TrimEnd('.')) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
