using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>The admin API document's frame: title, the emulator as the only server, the optional admin key, a description per tag.</summary>
internal sealed class AdminDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The admin key scheme's name.</summary>
    public const string SchemeName = "adminKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DefenderApi emulator admin API",
            Version = "v1",
            Description = "The emulator's own controls (reset, snapshots, settings, faults, clock, journal, tenants, data, " +
                "scenarios) under /_emulator, and the download links it hands out. Not part of the Defender API: " +
                "see docs/admin.md.",
        };
        document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5310", Description = "The emulator on its default address" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-emulator-admin-key",
            Description = "The key the emulator was started with (--admin-key). Loopback callers need none.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }, new OpenApiSecurityRequirement()];
        document.Tags = DocumentTags.Collect(document, name => $"The emulator's {name} controls.");
        return Task.CompletedTask;
    }
}
