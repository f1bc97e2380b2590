namespace DefenderApi.Emulator.Auth;

/// <summary>The resource identifiers (audiences) under which Entra issues tokens for the MDE API.</summary>
internal static class MdeResources
{
    /// <summary>The resources, as accepted in v1 <c>resource=</c> and in v2 <c>scope=&lt;resource&gt;/.default</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "https://api.securitycenter.microsoft.com",
        "https://securitycenter.onmicrosoft.com/windowsatpservice",
        "https://api.security.microsoft.com",
    ];

    /// <summary>
    /// Reads a v2 <c>scope</c>: <c>https://api.securitycenter.microsoft.com/.default</c>, or delegated permissions of
    /// one resource (<c>https://api.securitycenter.microsoft.com/Machine.Read</c>). OpenID scopes are ignored.
    /// </summary>
    /// <param name="scope">The requested scope string (space-separated scopes).</param>
    /// <returns>The resource and scopes, or <see langword="null"/> when the scope names no known resource or several.</returns>
    public static RequestedResource? ParseScope(string? scope)
    {
        string? resource = null;
        List<string>? names = null;
        var isDefault = false;
        foreach (var item in (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OpenIdScopes.Contains(item))
            {
                continue;
            }

            var slash = item.LastIndexOf('/');
            var known = slash > 0 ? FromResource(item[..slash]) : null;
            if (known is null || (resource is not null && resource != known))
            {
                return null;
            }

            resource = known;
            var name = item[(slash + 1)..];
            isDefault |= name == ".default";
            if (name != ".default")
            {
                (names ??= []).Add(name);
            }
        }

        return resource is null || (isDefault && names is not null) ? null : new RequestedResource(resource, isDefault ? null : names);
    }

    private static readonly HashSet<string> OpenIdScopes = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access", "email" };

    /// <summary>Normalizes a v1 resource (trailing slash tolerated).</summary>
    /// <param name="resource">The requested resource.</param>
    /// <returns>The canonical resource, or <see langword="null"/> when unknown.</returns>
    public static string? FromResource(string? resource) =>
        All.FirstOrDefault(r => string.Equals(r, resource?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a token request asks for.</summary>
/// <param name="Resource">The MDE resource (the token's <c>aud</c>).</param>
/// <param name="Scopes">Named delegated permissions, or <see langword="null"/> for <c>.default</c> / a v1 <c>resource</c>.</param>
internal sealed record RequestedResource(string Resource, IReadOnlyList<string>? Scopes);
