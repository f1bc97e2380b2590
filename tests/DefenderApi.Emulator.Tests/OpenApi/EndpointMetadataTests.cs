using System.Text.Json.Nodes;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.OpenApi;

/// <summary>
/// Enumerates every endpoint the emulator maps and fails on any gap in what it declares: permissions the token
/// service does not know, API endpoints without a rate limit, and API endpoints missing from the Defender API document,
/// without a typed success answer or without the schema of the body they read.
/// </summary>
public sealed class EndpointMetadataTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    // "Update alert" (https://learn.microsoft.com/defender-endpoint/api/update-alert) misspells Alert.ReadWrite.All;
    // the emulator honours the misspelling beside the real role, which no tenant can grant (docs/fidelity.md).
    private static readonly string[] DocumentedMisspellings = ["Alerts.ReadWrite.All"];

    [Fact]
    public async Task EveryRequiredPermission_IsOneTheTokenServiceGrants()
    {
        var unknown = (await ApiEndpointsAsync())
            .SelectMany(e => e.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<PermissionRequirement>()
                .SelectMany(r => r.Application.Where(p => !ApiPermissions.AllApplication.Contains(p) && !DocumentedMisspellings.Contains(p))
                    .Concat(r.Delegated.Where(p => !ApiPermissions.AllDelegated.Contains(p))))
                .Select(p => $"{Describe(e)}: {p}"))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public async Task EveryApiEndpoint_HasARateLimitOrIsMarkedAsHavingNoDocumentedOne()
    {
        var endpoints = await ApiEndpointsAsync();

        var undeclared = endpoints
            .Where(e => (e.Metadata.GetMetadata<ApiRateLimit>() is null) == (e.Metadata.GetMetadata<NoDocumentedRateLimit>() is null))
            .Select(Describe)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task EveryApiEndpoint_IsInTheDefenderDocument_WithATypedSuccessAndItsBodySchema()
    {
        var endpoints = await ApiEndpointsAsync();
        var document = await DocumentAsync("defender");
        var paths = document["paths"]!.AsObject();
        var gaps = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = paths.FirstOrDefault(p => SamePath(p.Key, endpoint.RoutePattern.RawText!)).Value?[method];
            if (operation is null)
            {
                gaps.Add($"{Describe(endpoint)}: not in the document");
                continue;
            }

            // The success answer must be declared; when it has a body, the document must carry its schema.
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode is >= 200 and < 300).ToList();
            if (declared.Count == 0 || declared.Any(p => p.Type is not null && p.Type != typeof(void)
                && operation["responses"]?[p.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?.AsObject().FirstOrDefault().Value?["schema"] is null))
            {
                gaps.Add($"{Describe(endpoint)}: no typed success response");
            }

            if (TakesBody(endpoint) && operation["requestBody"]?["content"]?.AsObject().FirstOrDefault().Value?["schema"] is null)
            {
                gaps.Add($"{Describe(endpoint)}: reads a body the document does not describe");
            }

            if (operation["operationId"] is null || operation["security"] is null)
            {
                gaps.Add($"{Describe(endpoint)}: no operationId or security requirement");
            }
        }

        Assert.Empty(gaps);
    }

    [Fact]
    public async Task OperationIds_AreUniqueAcrossBothDocuments_InTheAzureStyle()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "defender", "admin" })
        {
            var document = await DocumentAsync(name);
            ids.AddRange(document["paths"]!.AsObject()
                .SelectMany(p => p.Value!.AsObject().Select(o => o.Value?["operationId"]?.GetValue<string>()))
                .OfType<string>());
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$", id));
    }

    private static bool TakesBody(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null
        || endpoint.Metadata.OfType<System.Reflection.MethodInfo>().Any(m => m.GetParameters().Any(p =>
            p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(JsonBody<>)));

    // Route constraints ({tenantId:guid}) and function arguments are written differently in the document.
    private static bool SamePath(string documentPath, string route) =>
        string.Equals(Normalize(documentPath), Normalize(route), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace("/" + path.Trim('/'), @"\{[^}]*\}|\([^)]*\)", "{}");

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText}";

    private async Task<List<RouteEndpoint>> ApiEndpointsAsync()
    {
        using var client = await factory.CreateReadyClientAsync();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ErrorResponses.IsApiRoute(e.RoutePattern.RawText) && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)];
    }

    private async Task<JsonNode> DocumentAsync(string name)
    {
        using var client = await factory.CreateReadyClientAsync();
        return JsonNode.Parse(await client.GetStringAsync($"/_emulator/openapi/{name}.json", TestContext.Current.CancellationToken))!;
    }
}
