using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Files;

/// <summary><c>/api/files</c>: file info, statistics, related alerts and machines (the file, IP, domain and user pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class FileEndpoints
{
    /// <summary>Maps the file resource.</summary>
    public static RouteGroupBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/files").WithTags("Files").WithRateLimit(ApiRateLimit.Default("files")).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{id}", Get).WithSummary("Get file information API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-file-information").Produces<FileInfo>().RequirePermissions(["File.Read.All"], ["File.Read.All"]);
        group.MapGet("/{id}/stats", Stats).WithSummary("Get file statistics API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-file-statistics").Produces<FileStats>().RequirePermissions(["File.Read.All"], ["File.Read.All"]);
        group.MapGet("/{id}/alerts", Alerts).WithSummary("Get file-related alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-file-related-alerts").Lists<Alert>().RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated);
        group.MapGet("/{id}/machines", Machines).WithSummary("Get file-related machines API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-file-related-machines").Lists<Machine>()
            .RequirePermissions(["Machine.Read.All", "Machine.ReadWrite.All"], ["Machine.Read", "Machine.ReadWrite"]);
        return group;
    }

    // <see href="https://learn.microsoft.com/defender-endpoint/api/get-file-information">Get file information API</see> names SHA-1 and SHA-256 (and MD5 in its description); all three are looked up.
    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, "Files", await FindAsync(db, id, cancellationToken));

    private static async Task<IResult> Stats(
        string id, string? lookBackHours, HttpContext context, EmulatorDbContext db, EventSightings sightings, TimeProvider time, CancellationToken cancellationToken)
    {
        var window = LookBack.Parse(lookBackHours);
        var file = await FindAsync(db, id, cancellationToken);
        var sha1 = file.Sha1;
        var seen = await sightings.PrevalenceAsync(SightingKind.File, sha1, e => e.Sha1 == sha1, time.GetUtcNow() - window, cancellationToken);
        return new ODataEntityResult<FileStats>(ODataLinks.Context(context.Request, FileStats.Context), new FileStats(
            sha1, seen.Machines, seen.FirstSeen, seen.LastSeen, file.GlobalPrevalence ?? 0, file.GlobalFirstObserved, file.GlobalLastObserved,
            seen.TopFileNames.Count > 0 ? seen.TopFileNames : file.FileNames));
    }

    private static async Task<IResult> Alerts(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        HashValidator.Require(id, HashKind.Sha1);
        return ODataResults.Collection(context.Request, "Alerts", await EvidenceQueries.AlertsAsync(db, await db.VisibleAlertsAsync(access, cancellationToken), e => e.Sha1 == id, cancellationToken));
    }

    private static async Task<IResult> Machines(string id, HttpContext context, EventSightings sightings, CancellationToken cancellationToken)
    {
        HashValidator.Require(id, HashKind.Sha1);
        return ODataResults.Collection(context.Request, "Machines", await sightings.MachinesAsync(SightingKind.File, id, e => e.Sha1 == id, int.MaxValue, cancellationToken));
    }

    private static async Task<FileInfo> FindAsync(EmulatorDbContext db, string id, CancellationToken cancellationToken)
    {
        var files = db.Set<FileInfo>();
        var file = HashValidator.Require(id, HashKind.Sha1, HashKind.Sha256, HashKind.Md5) switch
        {
            HashKind.Sha1 => await files.FirstOrDefaultAsync(f => f.Sha1 == id, cancellationToken),
            HashKind.Sha256 => await files.FirstOrDefaultAsync(f => f.Sha256 == id, cancellationToken),
            _ => await files.FirstOrDefaultAsync(f => f.Md5 == id, cancellationToken),
        };
        return file ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("File", id));
    }
}

/// <summary>File statistics (<see href="https://learn.microsoft.com/defender-endpoint/api/get-file-statistics">Get file statistics API</see>).</summary>
/// <param name="Sha1">The file.</param>
/// <param name="OrganizationPrevalence">Devices in the organisation that saw it in the window.</param>
/// <param name="OrgFirstSeen">First seen in the organisation.</param>
/// <param name="OrgLastSeen">Last seen in the organisation.</param>
/// <param name="GloballyPrevalence">Prevalence across organisations.</param>
/// <param name="GlobalFirstObserved">First seen anywhere.</param>
/// <param name="GlobalLastObserved">Last seen anywhere.</param>
/// <param name="TopFileNames">Most frequent names.</param>
internal sealed record FileStats(
    string Sha1, long OrganizationPrevalence, DateTimeOffset? OrgFirstSeen, DateTimeOffset? OrgLastSeen, long GloballyPrevalence,
    DateTimeOffset? GlobalFirstObserved, DateTimeOffset? GlobalLastObserved, IReadOnlyList<string> TopFileNames)
{
    /// <summary>The <c>@odata.context</c> fragment of the answer.</summary>
    public const string Context = "microsoft.windowsDefenderATP.api.InOrgFileStats";
}
