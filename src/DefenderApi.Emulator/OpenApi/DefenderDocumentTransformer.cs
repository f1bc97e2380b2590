using DefenderApi.Emulator.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// The Defender API document's frame: title, the documented public hosts and the emulator as servers, the OAuth2
/// client-credentials scheme of Microsoft Entra ID, and a description per tag.
/// </summary>
internal sealed class DefenderDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The security scheme's name; every API operation requires it.</summary>
    public const string SchemeName = "entra";

    // The hosts of "Supported Microsoft Defender for Endpoint APIs" (https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list)
    // and "Microsoft Defender XDR APIs" (https://learn.microsoft.com/defender-xdr/api-overview), then the emulator.
    private static readonly (string Url, string Description)[] Servers =
    [
        ("https://api.security.microsoft.com", "Microsoft Defender for Endpoint and Defender XDR (global)"),
        ("https://us.api.security.microsoft.com", "United States"),
        ("https://eu.api.security.microsoft.com", "Europe"),
        ("https://uk.api.security.microsoft.com", "United Kingdom"),
        ("https://au.api.security.microsoft.com", "Australia"),
        ("https://api.securitycenter.microsoft.com", "Microsoft Defender for Endpoint (former host name)"),
        ("http://127.0.0.1:5310", "The DefenderApi emulator on its default address"),
    ];

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Machines"] = "Devices: \"Machine resource type\" (https://learn.microsoft.com/defender-endpoint/api/machine).",
        ["MachineActions"] = "Response actions on devices: \"MachineAction resource type\" (https://learn.microsoft.com/defender-endpoint/api/machineaction).",
        ["Alerts"] = "\"Alert resource type\" (https://learn.microsoft.com/defender-endpoint/api/alerts).",
        ["Indicators"] = "Custom indicators: \"Indicator resource type\" (https://learn.microsoft.com/defender-endpoint/api/ti-indicator).",
        ["Incidents"] = "Defender XDR incidents: \"Incidents APIs\" (https://learn.microsoft.com/defender-xdr/api-incident).",
        ["Investigations"] = "Automated investigations: \"Investigation resource type\" (https://learn.microsoft.com/defender-endpoint/api/investigation).",
        ["Files"] = "\"File resource type\" (https://learn.microsoft.com/defender-endpoint/api/files).",
        ["IPs"] = "IP statistics and related alerts (https://learn.microsoft.com/defender-endpoint/api/get-ip-statistics).",
        ["Domains"] = "Domain statistics and related entities (https://learn.microsoft.com/defender-endpoint/api/get-domain-statistics).",
        ["Users"] = "\"User resource type\" (https://learn.microsoft.com/defender-endpoint/api/user).",
        ["Software"] = "\"Software resource type\" (https://learn.microsoft.com/defender-endpoint/api/software).",
        ["Vulnerabilities"] = "\"Vulnerability resource type\" (https://learn.microsoft.com/defender-endpoint/api/vulnerability).",
        ["Recommendations"] = "\"Recommendation resource type\" (https://learn.microsoft.com/defender-endpoint/api/recommendation).",
        ["Scores"] = "\"Score resource type\" (https://learn.microsoft.com/defender-endpoint/api/score).",
        ["Assessments"] = "Vulnerability management exports per device (https://learn.microsoft.com/defender-endpoint/api/get-assessment-methods-properties).",
        ["DeviceHealth"] = "Device antivirus health (https://learn.microsoft.com/defender-endpoint/api/device-health-api-methods-properties).",
        ["LiveResponse"] = "\"Run live response commands on a device\" (https://learn.microsoft.com/defender-endpoint/api/run-live-response).",
        ["Library"] = "The live response library (https://learn.microsoft.com/defender-endpoint/api/list-library-files).",
        ["Advanced hunting"] = "Advanced hunting queries in MDE and Defender XDR (https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api).",
        ["OData"] = "The OData service metadata.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Microsoft Defender for Endpoint and Defender XDR API",
            Version = "v1.0",
            Description = "The REST API of Microsoft Defender for Endpoint and Microsoft Defender XDR, as the Microsoft Learn pages " +
                "document it and the DefenderApi emulator serves it. Every error answer is the envelope " +
                "{\"error\":{\"code\",\"message\",\"target\"}} of \"Common REST API error codes\" " +
                "(https://learn.microsoft.com/defender-endpoint/api/common-errors).",
        };
        document.Servers = [.. Servers.Select(s => new OpenApiServer { Url = s.Url, Description = s.Description })];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = Scheme();
        ODataFunctionPath.MovePaths(document);
        document.Tags = DocumentTags.Collect(document, name => TagDescriptions.GetValueOrDefault(name, name));
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Scheme()
    {
        var scopes = ApiPermissions.AllApplication.Concat(ApiPermissions.AllDelegated)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => p, p => $"The {p} permission", StringComparer.Ordinal);
        return new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Microsoft Entra ID client credentials: request a token for the scope " +
                "https://api.securitycenter.microsoft.com/.default (XDR: https://api.security.microsoft.com/.default) from " +
                "your tenant's endpoint (replace 'common' with the tenant id). The operations list the application " +
                "roles and delegated scopes that each grant the call.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("https://login.microsoftonline.com/common/oauth2/v2.0/token"),
                    Scopes = scopes,
                },
            },
        };
    }
}
