using Scalar.AspNetCore;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// The OpenAPI document of the whole surface (<c>/_emulator/openapi/v1.json</c>, committed as docs/openapi.json) and
/// an interactive reference page on it (<c>/_emulator/reference</c>).
/// </summary>
public static class ApiReference
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/_emulator/openapi/v1.json";

    /// <summary>Adds the document generator; the document carries no server list, so it is the same wherever it runs.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddApiReference(this IServiceCollection services) => services.AddOpenApi(options =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DefenderApi emulator";
            document.Info.Description = "The Microsoft Defender for Endpoint API as the emulator serves it, with its admin API (/_emulator).";
            document.Servers = [];
            return Task.CompletedTask;
        }));

    /// <summary>Maps the document and the reference page on the admin group.</summary>
    /// <param name="admin">The admin group.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapApiReference(this RouteGroupBuilder admin)
    {
        admin.MapOpenApi("/openapi/{documentName}.json");
        admin.MapScalarApiReference("/reference", options => options
            .WithTitle("DefenderApi emulator")
            .WithOpenApiRoutePattern("/_emulator/openapi/{documentName}.json"));
        return admin;
    }
}
