using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// The two OpenAPI documents the emulator serves: the Defender API (MDE and XDR, <c>/api</c>), usable against the
/// real service, and the emulator's admin API (<c>/_emulator</c> and the download links it hands out).
/// </summary>
internal static class ApiDocuments
{
    /// <summary>The Defender API document's name (<c>/_emulator/openapi/defender.json</c>, committed as docs/openapi.json).</summary>
    public const string Defender = "defender";

    /// <summary>The admin API document's name (<c>/_emulator/openapi/admin.json</c>, committed as docs/openapi-admin.json).</summary>
    public const string Admin = "admin";

    /// <summary>The path of a served document.</summary>
    /// <param name="name"><see cref="Defender"/> or <see cref="Admin"/>.</param>
    /// <returns>The path, e.g. <c>/_emulator/openapi/defender.json</c>.</returns>
    public static string PathOf(string name) => $"/_emulator/openapi/{name}.json";

    /// <summary>Adds both document generators. Neither depends on the request, so each is the same wherever it runs.</summary>
    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi(Defender, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => ErrorResponses.IsApiRoute(description.RelativePath);
            options.AddDocumentTransformer<DefenderDocumentTransformer>();
            options.AddDocumentTransformer<SchemaCompatibility>();
            options.AddOperationTransformer<OperationConventions>();
            options.AddSchemaTransformer<ErrorCodeSchema>();
            options.AddSchemaTransformer<BodySchemaNames>();
        });
        services.AddOpenApi(Admin, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => !ErrorResponses.IsApiRoute(description.RelativePath);
            options.AddDocumentTransformer<AdminDocumentTransformer>();
            options.AddDocumentTransformer<SchemaCompatibility>();
            options.AddOperationTransformer<OperationConventions>();
            options.AddSchemaTransformer<ErrorCodeSchema>();
            options.AddSchemaTransformer<BodySchemaNames>();
        });
        return services;
    }
}
