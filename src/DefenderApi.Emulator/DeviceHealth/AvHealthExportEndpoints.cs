using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.DeviceHealth;

/// <summary>
/// <c>GET /api/machines/InfoGatheringExport</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/device-health-export-antivirus-health-report-api">Microsoft Defender Antivirus Device Health export device antivirus health reporting</see>, "via files"):
/// signed links to gzip files of multiline JSON, one device health record per line.
/// </summary>
internal static class AvHealthExportEndpoints
{
    /// <summary>The page's maximum for <c>sasValidHours</c>.</summary>
    public const int MaxValidHours = 24;

    /// <summary>Link lifetime when <c>sasValidHours</c> is absent (the page's example links last three hours).</summary>
    public const int DefaultValidHours = 3;

    /// <summary>Maps the export call and its download.</summary>
    /// <returns>The export endpoint.</returns>
    public static RouteHandlerBuilder MapAvHealthExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/downloads/{tenantId:guid}/avhealth/{file}", Download).WithTags("Downloads");
        return app.MapGet("/api/machines/InfoGatheringExport", Export).WithSummary("Microsoft Defender Antivirus Device Health export device antivirus health reporting").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/device-health-export-antivirus-health-report-api").Produces<ExportFilesResponse>().WithTags("DeviceHealth")
            .RequirePermissions(["Vulnerability.Read.All"], ["Vulnerability.Read"])
            .RequireFeature(TenantFeatures.DeviceHealthReporting)
            .WithRateLimit(new ApiRateLimit("deviceavinfo.export", 30, 1000));
    }

    private static IResult Export(string? sasValidHours, HttpContext context, DownloadLinks links, TenantContext tenant, TimeProvider time)
    {
        var hours = DefaultValidHours;
        if (sasValidHours is not null && (!int.TryParse(sasValidHours, NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours is < 1 or > MaxValidHours))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{sasValidHours}' for sasValidHours; expected an integer from 1 to {MaxValidHours}"));
        }

        var url = links.Create(context.Request, $"/downloads/{tenant.TenantId}/avhealth/part-00000.json.gz", TimeSpan.FromHours(hours));
        return TypedResults.Json(new ExportFilesResponse(
            ODataLinks.Context(context.Request, "microsoft.windowsDefenderATP.api.ExportFilesResponse"), [url], time.GetUtcNow()));
    }

    private static async Task<IResult> Download(
        Guid tenantId, string file, string? se, string? sig, HttpContext context, DownloadLinks links, TenantContext tenant, EmulatorDbContext db,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!links.IsValid(context.Request.Path, se, sig))
        {
            throw new DefenderErrorException(DefenderErrors.Forbidden("the download link is invalid or has expired"));
        }

        tenant.TenantId = tenantId;
        var rows = await db.Set<DeviceAvInfo>().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        await using (var writer = new StreamWriter(gzip))
        {
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(row, json.Value.SerializerOptions));
            }
        }

        buffer.Position = 0;
        return TypedResults.File(buffer, "application/gzip", file);
    }
}

/// <summary>The export answer: file links and when they were generated.</summary>
/// <param name="Context">The <c>@odata.context</c>.</param>
/// <param name="ExportFiles">Signed download links.</param>
/// <param name="GeneratedTime">Generation time.</param>
internal sealed record ExportFilesResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("@odata.context")] string Context,
    IReadOnlyList<string> ExportFiles,
    DateTimeOffset GeneratedTime);
