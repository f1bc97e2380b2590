using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// An OData function route the emulator matches with one catch-all segment (<c>findbyip({arguments})</c>) described
/// as its documented template (<c>findbyip(ip='{ip}',timestamp={timestamp})</c>), so that generators give it one typed
/// parameter per argument.
/// </summary>
/// <param name="Template">The documented path, e.g. <c>/api/machines/findbyip(ip='{ip}',timestamp={timestamp})</c>.</param>
/// <param name="Arguments">Each argument's name and description, in path order.</param>
internal sealed record ODataFunctionPath(string Template, IReadOnlyList<KeyValuePair<string, string>> Arguments)
{
    private const string Extension = "x-defenderapi-function-path";

    /// <summary>Replaces the catch-all parameter by the arguments and marks the operation for <see cref="MovePaths"/>.</summary>
    /// <param name="operation">The operation.</param>
    public void Describe(OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Parameters ??= [];
        foreach (var catchAll in operation.Parameters.Where(p => p.In == ParameterLocation.Path && !Template.Contains($"{{{p.Name}}}", StringComparison.Ordinal)).ToList())
        {
            operation.Parameters.Remove(catchAll);
        }

        foreach (var (name, description) in Arguments)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(Template));
    }

    /// <summary>Moves every marked operation to its documented path.</summary>
    /// <param name="document">The document.</param>
    public static void MovePaths(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (path, item) in document.Paths.ToList())
        {
            var marked = (item.Operations ?? []).Values
                .Select(o => o.Extensions is { } extensions && extensions.TryGetValue(Extension, out var extension) ? extension : null)
                .OfType<JsonNodeExtension>()
                .FirstOrDefault();
            if (marked is null)
            {
                continue;
            }

            foreach (var operation in (item.Operations ?? []).Values)
            {
                operation.Extensions?.Remove(Extension);
            }

            document.Paths.Remove(path);
            document.Paths.Add(marked.Node.GetValue<string>(), item);
        }
    }
}
