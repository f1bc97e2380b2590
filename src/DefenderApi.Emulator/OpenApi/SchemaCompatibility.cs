using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// Makes the generated schemas say what the API writes, in terms OpenAPI 3.0 generators read: numbers are numbers
/// (the generator adds "or a numeric string" because the JSON options would accept one on input; the API never
/// writes one), and a nullable reference is the reference (the <c>null</c> alternative of a <c>oneOf</c> cannot be
/// written in 3.0 without a type).
/// </summary>
internal sealed class SchemaCompatibility : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        InlineFiles(document);
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Fix(schema, visited);
        }

        foreach (var operation in (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Fix(parameter.Schema, visited);
            }

            foreach (var media in (operation.RequestBody?.Content?.Values ?? []).Concat((operation.Responses ?? []).SelectMany(r => r.Value.Content?.Values ?? [])))
            {
                Fix(media.Schema, visited);
            }
        }

        return Task.CompletedTask;
    }

    // A file in a multipart form (the library upload's IFormFile) is written inline as a binary string, not as a
    // reference to a named "IFormFile" schema: NSwag emits its FileParameter type only for an inline "format: binary"
    // property, so with the reference its C# client of the upload did not compile.
    private static void InlineFiles(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        var files = schemas.Where(s => s.Value is OpenApiSchema { Type: JsonSchemaType.String, Format: "binary" }).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var properties in schemas.Values.OfType<OpenApiSchema>().Select(s => s.Properties).OfType<IDictionary<string, IOpenApiSchema>>())
        {
            foreach (var (name, property) in properties.ToList())
            {
                if (property is OpenApiSchemaReference { Reference.Id: { } id } && files.Contains(id))
                {
                    properties[name] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        foreach (var id in files)
        {
            schemas.Remove(id);
        }
    }

    private static void Fix(IOpenApiSchema? candidate, HashSet<IOpenApiSchema> visited)
    {
        if (candidate is not OpenApiSchema schema || !visited.Add(schema))
        {
            return;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        foreach (var alternatives in new[] { schema.OneOf, schema.AnyOf })
        {
            if (alternatives is not null && alternatives.Count > 1)
            {
                var nulls = alternatives.Where(a => a is OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
                nulls.ForEach(n => alternatives.Remove(n));
            }
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            Fix(child, visited);
        }

        Fix(schema.Items, visited);
        Fix(schema.AdditionalProperties, visited);
    }
}
