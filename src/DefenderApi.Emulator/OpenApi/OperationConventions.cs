using System.Reflection;
using DefenderApi.Emulator.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// Writes what an operation's endpoint metadata says into its description: the operation id (<c>Tag_Handler</c> in
/// the Azure SDK style, or the endpoint's name), the permissions that grant it as OAuth2 scopes, and its OData query
/// options.
/// </summary>
internal sealed class OperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (context.DocumentName == ApiDocuments.Admin)
        {
            // The admin API's handlers share names (Get, List, Download); its ids and summaries come from the route.
            operation.OperationId = AdminOperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? string.Empty);
            operation.Summary ??= $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
            return Task.CompletedTask;
        }

        operation.OperationId = OperationId(operation, metadata);
        if (context.DocumentName == ApiDocuments.Defender && context.Document is { } document)
        {
            var permissions = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<PermissionRequirement>().ToList();
            var scopes = permissions.SelectMany(p => p.Application.Concat(p.Delegated)).Distinct(StringComparer.Ordinal).ToList();
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DefenderDocumentTransformer.SchemeName, document)] = scopes }];
            if (permissions.Count > 0)
            {
                var application = permissions.SelectMany(p => p.Application).Distinct(StringComparer.Ordinal).ToList();
                var delegated = permissions.SelectMany(p => p.Delegated).Distinct(StringComparer.Ordinal).ToList();
                operation.Description = Join(operation.Description,
                    $"Permissions (any one): application {List(application)}; delegated {List(delegated)}.");
            }
        }

        metadata.OfType<ODataFunctionPath>().LastOrDefault()?.Describe(operation);
        if (metadata.OfType<ODataQueryDescription>().LastOrDefault() is { } odata)
        {
            operation.Parameters ??= [];
            foreach (var parameter in ODataParameters(odata))
            {
                operation.Parameters.Add(parameter);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The endpoint's name when it has one, else <c>{first tag}_{handler method without Async}</c>.</summary>
    private static string? OperationId(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is { } name)
        {
            return name.EndpointName;
        }

        var method = metadata.OfType<MethodInfo>().LastOrDefault();
        var tag = operation.Tags?.FirstOrDefault()?.Name;
        if (method is null || tag is null || !method.Name.All(char.IsAsciiLetterOrDigit))
        {
            return operation.OperationId;
        }

        var verb = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
        return $"{Pascal(tag)}_{verb}";
    }

    /// <summary><c>Emulator_{Method}{Segments}</c>, e.g. <c>Emulator_PostTenantsByTenantIdReset</c>.</summary>
    private static string AdminOperationId(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != "_emulator")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}').Split(':')[0]) : Pascal(s));
        return $"Emulator_{Pascal(method.ToLowerInvariant())}{string.Concat(segments)}";
    }

    private static string Pascal(string word) =>
        string.Concat(word.Split('-', '_', '.', ' ').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static IEnumerable<OpenApiParameter> ODataParameters(ODataQueryDescription odata)
    {
        yield return Query("$filter", new OpenApiSchema { Type = JsonSchemaType.String },
            $"An OData filter over the documented properties: {List(odata.FilterProperties)}.");
        yield return Query("$top", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = odata.MaxTop.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"The number of items to answer (at most {odata.MaxTop:N0}).");
        yield return Query("$skip", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
            "The number of items to skip.");
        yield return Query("$orderby", new OpenApiSchema { Type = JsonSchemaType.String },
            $"Sort order over {List(odata.OrderByProperties)}, each optionally followed by asc or desc.");
        if (odata.Expand.Count > 0)
        {
            // A string, not an inline enum: NSwag names inline enums after the parameter ("$expand"), which does not compile.
            yield return Query("$expand", new OpenApiSchema { Type = JsonSchemaType.String }, $"Related entities to include: {List(odata.Expand)}.");
        }
    }

    private static OpenApiParameter Query(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Schema = schema, Description = description };

    private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first}\n\n{second}";
}
