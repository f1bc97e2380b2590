namespace DefenderApi.Emulator.Auth;

/// <summary>The resource identifiers (audiences) under which Entra issues tokens for the MDE API.</summary>
public static class MdeResources
{
    /// <summary>The resources, as accepted in v1 <c>resource=</c> and in v2 <c>scope=&lt;resource&gt;/.default</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "https://api.securitycenter.microsoft.com",
        "https://securitycenter.onmicrosoft.com/windowsatpservice",
        "https://api.security.microsoft.com",
    ];

    /// <summary>Finds the resource a v2 scope names (<c>https://api.securitycenter.microsoft.com/.default</c>).</summary>
    /// <param name="scope">The requested scope string (space-separated scopes).</param>
    /// <returns>The resource, or <see langword="null"/> when no scope names a known resource.</returns>
    public static string? FromScope(string? scope)
    {
        foreach (var item in (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var resource = item.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? item[..^"/.default".Length] : null;
            if (resource is not null && FromResource(resource) is { } known)
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>Normalizes a v1 resource (trailing slash tolerated).</summary>
    /// <param name="resource">The requested resource.</param>
    /// <returns>The canonical resource, or <see langword="null"/> when unknown.</returns>
    public static string? FromResource(string? resource) =>
        All.FirstOrDefault(r => string.Equals(r, resource?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
