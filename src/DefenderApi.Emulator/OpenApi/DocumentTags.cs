using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>The tags a document's operations use, declared once at the document level with a description each.</summary>
internal static class DocumentTags
{
    public static HashSet<OpenApiTag> Collect(OpenApiDocument document, Func<string, string> describe) =>
        new((document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name, Description = describe(name) }));
}
