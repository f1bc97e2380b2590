using System.Text.Json.Nodes;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// Describes the envelope's <c>code</c> as the catalogue's codes: an <c>enum</c> of the wire codes with their HTTP
/// status and description from the Errors library (also as <c>x-ms-enum</c> values, which Azure generators read).
/// </summary>
internal sealed class ErrorCodeSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var property = context.JsonPropertyInfo;
        if (property is null || property.DeclaringType != typeof(ErrorBody))
        {
            return Task.CompletedTask;
        }

        schema.Description = property.Name switch
        {
            "code" => "The error code; one of the codes of the \"Common REST API error codes\" page. Clients may branch on it.",
            "message" => "A human-readable message. Free text: clients must not parse it.",
            _ => "A fresh id of this answer, for correlation with logs (a new GUID for every error).",
        };
        if (property.Name != "code")
        {
            return Task.CompletedTask;
        }

        schema.Enum = [.. ErrorCatalogue.All.Select(d => (JsonNode)JsonValue.Create(d.Code.Value)!)];
        var values = new JsonArray();
        foreach (var definition in ErrorCatalogue.All)
        {
            values.Add(new JsonObject
            {
                ["value"] = definition.Code.Value,
                ["name"] = definition.Code.Value,
                ["description"] = $"{definition.Status}: {definition.Description}",
            });
        }

        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        schema.Extensions["x-ms-enum"] = new JsonNodeExtension(new JsonObject
        {
            ["name"] = "ErrorCode",
            ["modelAsString"] = true,
            ["values"] = values,
        });
        return Task.CompletedTask;
    }
}
