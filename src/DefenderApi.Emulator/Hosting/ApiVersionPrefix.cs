namespace DefenderApi.Emulator.Hosting;

/// <summary>Serves <c>/api/v1.0/...</c> as <c>/api/...</c> (the documented versioned prefix; no version = latest).</summary>
internal static class ApiVersionPrefix
{
    private const string Versioned = "/api/v1.0";

    /// <summary>Rewrites versioned paths before routing.</summary>
    public static IApplicationBuilder UseApiVersionPrefix(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Versioned, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            context.Request.Path = new PathString("/api").Add(rest);
        }

        return next(context);
    });
}
