using System.Globalization;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Mvc;
using static DefenderApi.Emulator.Vulnerabilities.TvmPermissions;

namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// The assessment exports, JSON response mode: software vulnerabilities, software inventory and secure
/// configurations per device. Their pages are not in the stored reference; docs/fidelity.md records what we
/// followed (the public documentation) and what we chose.
/// </summary>
public static class AssessmentExportEndpoints
{
    /// <summary>Maps the three exports under <c>/api/machines</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapAssessmentExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines").WithTags("Assessments")
            .RequireFeature(TenantFeatures.VulnerabilityManagement)
            .RequirePermissions(VulnerabilityApp, VulnerabilityDelegated)
            .RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/SoftwareVulnerabilitiesByMachine", SoftwareVulnerabilities)
            .WithRateLimit(new ApiRateLimit("machines.softwareVulnerabilitiesByMachine", 30, 1000));
        group.MapGet("/SoftwareInventoryByMachine", SoftwareInventory)
            .WithRateLimit(new ApiRateLimit("machines.softwareInventoryByMachine", 30, 1000));
        group.MapGet("/SecureConfigurationsAssessmentByMachine", SecureConfigurations)
            .WithRateLimit(new ApiRateLimit("machines.secureConfigurationsAssessmentByMachine", 30, 1000));
        return group;
    }

    private static async Task<IResult> SoftwareVulnerabilities(
        string? pageSize, string? sinceTime, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var page = AssessmentPage.Parse(pageSize, skipToken);
        var since = SinceTimeOf(sinceTime);
        var devices = await AssessedDevices.LoadAsync(db, access, cancellationToken);
        var rows = await SoftwareVulnerabilityExport.RowsAsync(db, devices, since, cancellationToken);
        return page.Answer(context.Request, SoftwareVulnerabilityExport.EntityType, rows);
    }

    private static async Task<IResult> SoftwareInventory(
        string? pageSize, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var page = AssessmentPage.Parse(pageSize, skipToken);
        var devices = await AssessedDevices.LoadAsync(db, access, cancellationToken);
        return page.Answer(context.Request, SoftwareInventoryExport.EntityType, await SoftwareInventoryExport.RowsAsync(db, devices, cancellationToken));
    }

    private static async Task<IResult> SecureConfigurations(
        string? pageSize, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var page = AssessmentPage.Parse(pageSize, skipToken);
        var devices = await AssessedDevices.LoadAsync(db, access, cancellationToken);
        return page.Answer(context.Request, SecureConfigurationExport.EntityType, await SecureConfigurationExport.RowsAsync(db, devices, cancellationToken));
    }

    private static DateTimeOffset? SinceTimeOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{text}' for sinceTime; expected an ISO 8601 date and time"));
    }
}
