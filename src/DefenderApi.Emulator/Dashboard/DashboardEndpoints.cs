using System.Collections.Frozen;
using DefenderApi.Emulator.Admin;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Dashboard;

/// <summary>
/// The dashboard at <c>/_emulator/ui/</c>: static files built into the emulator's assembly (no CDN, nothing fetched
/// at run time). The files hold no data and no secret, so every caller gets them; everything the page shows comes
/// from the admin API, whose access rule asks a caller outside loopback for the admin key.
/// </summary>
internal static class DashboardEndpoints
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, byte[]> Files = LoadFiles();

    /// <summary>The page's policy: its own files only, no inline script, no framing.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Maps the dashboard's files on the admin group.</summary>
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/ui/{*file}", Serve)
            .WithMetadata(AdminAccessFilter.AnyCaller).ExcludeFromDescription();
        return admin;
    }

    private static IResult Serve(string? file, HttpContext context)
    {
        if (string.IsNullOrEmpty(file) && context.Request.Path.Value?.EndsWith('/') != true)
        {
            // The page's files are relative to /_emulator/ui/.
            return TypedResults.Redirect("/_emulator/ui/");
        }

        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (!Files.TryGetValue(name, out var content))
        {
            throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Dashboard file", name));
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Bytes(content, ContentTypes[Path.GetExtension(name)]);
    }

    private static FrozenDictionary<string, byte[]> LoadFiles()
    {
        var assembly = typeof(DashboardEndpoints).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..]] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
