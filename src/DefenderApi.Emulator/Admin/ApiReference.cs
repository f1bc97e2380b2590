using DefenderApi.Emulator.OpenApi;
using Scalar.AspNetCore;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// The two OpenAPI documents (<c>/_emulator/openapi/defender.json</c>, committed as docs/openapi.json, and
/// <c>/_emulator/openapi/admin.json</c>, committed as docs/openapi-admin.json) and an interactive reference page on
/// them (<c>/_emulator/reference</c>).
/// </summary>
internal static class ApiReference
{
    /// <summary>Where the Defender API document is served.</summary>
    public static readonly string DocumentPath = ApiDocuments.PathOf(ApiDocuments.Defender);

    /// <summary>Adds the document generators.</summary>
    public static IServiceCollection AddApiReference(this IServiceCollection services) => services.AddApiDocuments();

    /// <summary>Maps the documents and the reference page on the admin group.</summary>
    public static RouteGroupBuilder MapApiReference(this RouteGroupBuilder admin)
    {
        admin.MapOpenApi("/openapi/{documentName}.json");
        admin.MapScalarApiReference("/reference", options => options
            .WithTitle("DefenderApi emulator")
            .AddDocument(ApiDocuments.Defender, "Defender API")
            .AddDocument(ApiDocuments.Admin, "Emulator admin API")
            .WithOpenApiRoutePattern("/_emulator/openapi/{documentName}.json"));
        return admin;
    }
}
