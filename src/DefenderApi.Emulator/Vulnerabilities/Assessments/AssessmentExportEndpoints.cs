using System.Globalization;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OpenApi;
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
internal static class AssessmentExportEndpoints
{
    /// <summary>Maps the three exports under <c>/api/machines</c>.</summary>
    public static RouteGroupBuilder MapAssessmentExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines").WithTags("Assessments")
            .RequireFeature(TenantFeatures.VulnerabilityManagement)
            .RequirePermissions(VulnerabilityApp, VulnerabilityDelegated)
            .RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/SoftwareVulnerabilitiesByMachine", SoftwareVulnerabilities).WithSummary("Export software vulnerabilities assessment per device").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-assessment-software-vulnerabilities").Lists<AssessmentVulnerability>()
            .WithRateLimit(new ApiRateLimit("machines.softwareVulnerabilitiesByMachine", 30, 1000));
        group.MapGet("/SoftwareInventoryByMachine", SoftwareInventory).WithSummary("Export software inventory assessment per device").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-assessment-software-inventory").Lists<AssessmentSoftwareInventory>()
            .WithRateLimit(new ApiRateLimit("machines.softwareInventoryByMachine", 30, 1000));
        group.MapGet("/SecureConfigurationsAssessmentByMachine", SecureConfigurations).WithSummary("Export secure configuration assessment per device").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-assessment-secure-config").Lists<AssessmentConfiguration>()
            .WithRateLimit(new ApiRateLimit("machines.secureConfigurationsAssessmentByMachine", 30, 1000));
        return group;
    }

    private static Task<IResult> SoftwareVulnerabilities(
        string? pageSize, string? sinceTime, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var page = AssessmentPage.Parse(pageSize, skipToken);
        var since = SinceTimeOf(sinceTime);
        return AnswerAsync(context, db, access, page, SoftwareVulnerabilityExport.EntityType,
            devices => SoftwareVulnerabilityExport.RowsAsync(db, devices, since, cancellationToken), cancellationToken);
    }

    private static Task<IResult> SoftwareInventory(
        string? pageSize, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken) =>
        AnswerAsync(context, db, access, AssessmentPage.Parse(pageSize, skipToken), SoftwareInventoryExport.EntityType,
            devices => SoftwareInventoryExport.RowsAsync(db, devices, cancellationToken), cancellationToken);

    private static Task<IResult> SecureConfigurations(
        string? pageSize, [FromQuery(Name = AssessmentPage.SkipTokenParameter)] string? skipToken,
        HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken) =>
        AnswerAsync(context, db, access, AssessmentPage.Parse(pageSize, skipToken), SecureConfigurationExport.EntityType,
            devices => SecureConfigurationExport.RowsAsync(db, devices, cancellationToken), cancellationToken);

    // Parameters are checked (above) before any data is read; rows cover only the devices the caller sees.
    private static async Task<IResult> AnswerAsync<T>(
        HttpContext context, EmulatorDbContext db, CallerAccess access, AssessmentPage page, string entityType,
        Func<IReadOnlyDictionary<string, Machine>, Task<List<T>>> rowsOf, CancellationToken cancellationToken)
    {
        var devices = await AssessedDevices.LoadAsync(db, access, cancellationToken);
        return page.Answer(context.Request, entityType, await rowsOf(devices));
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
