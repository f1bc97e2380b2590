using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Files;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Emulator.Users;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;
using FileInfo = DefenderApi.Emulator.Files.FileInfo;

namespace DefenderApi.Emulator.Alerts;

/// <summary>The entities related to an alert: domains, files, IPs, its machine and its user (get-alert-related-*.md).</summary>
internal static class AlertRelatedEndpoints
{
    /// <summary>Maps the related-entity calls on the alerts group.</summary>
    /// <param name="alerts">The alerts group.</param>
    public static void MapAlertRelatedEntities(this RouteGroupBuilder alerts)
    {
        var limit = ApiRateLimit.Default("alerts");
        alerts.MapGet("/{id}/domains", Domains).WithSummary("Get alert related domains information").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-related-domain-info").Lists<DomainView>().RequirePermissions(["URL.Read.All"], ["URL.Read.All"]).WithRateLimit(limit);
        alerts.MapGet("/{id}/files", Files).WithSummary("Get alert related files information").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-related-files-info").Lists<FileInfo>().RequirePermissions(["File.Read.All"], ["File.Read.All"]).WithRateLimit(limit);
        alerts.MapGet("/{id}/ips", Ips).WithSummary("Get alert-related IPs' information").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-related-ip-info").Lists<IpView>().RequirePermissions(["Ip.Read.All"], ["Ip.Read.All"]).WithRateLimit(limit);
        alerts.MapGet("/{id}/machine", Machine).WithSummary("Get alert related machine information").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-related-machine-info").Produces<Machine>()
            .RequirePermissions(["Machine.Read.All", "Machine.ReadWrite.All"], ["Machine.Read", "Machine.ReadWrite"]).WithRateLimit(limit);
        alerts.MapGet("/{id}/user", User).WithSummary("Get alert related user information").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-related-user-info").Produces<UserAccount>().RequirePermissions(["User.Read.All"], ["User.Read.All"]).WithRateLimit(limit);
    }

    private static async Task<IResult> Domains(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var evidence = await EvidenceAsync(db, access, id, cancellationToken);
        var hosts = evidence.Where(e => e.Host is not null).Select(e => e.Host!.ToLowerInvariant()).Distinct().Select(h => new DomainView(h));
        return ODataResults.Collection(context.Request, "Domains", hosts.ToList());
    }

    private static async Task<IResult> Ips(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var evidence = await EvidenceAsync(db, access, id, cancellationToken);
        var ips = evidence.Where(e => e.IpAddress is not null).Select(e => e.IpAddress!).Distinct().Select(ip => new IpView(ip));
        return ODataResults.Collection(context.Request, "Ips", ips.ToList());
    }

    private static async Task<IResult> Files(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var evidence = await EvidenceAsync(db, access, id, cancellationToken);
        var hashes = evidence.Where(e => e.Sha1 is not null).Select(e => e.Sha1!.ToLowerInvariant()).Distinct().ToList();
        var known = await db.Set<FileInfo>().Where(f => hashes.Contains(f.Sha1)).ToListAsync(cancellationToken);
        var files = hashes.Select(sha1 => known.FirstOrDefault(f => string.Equals(f.Sha1, sha1, StringComparison.OrdinalIgnoreCase))
            ?? FromEvidence(evidence.First(e => string.Equals(e.Sha1, sha1, StringComparison.OrdinalIgnoreCase)))).ToList();
        return ODataResults.Collection(context.Request, "Files", files);
    }

    private static async Task<IResult> Machine(string id, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var alert = await (await db.VisibleAlertsAsync(access, cancellationToken)).GetAlertAsync(id, cancellationToken);
        var machine = await db.Machines().FirstOrDefaultAsync(m => m.Id == alert.MachineId, cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Machine", alert.MachineId));
        return new ODataEntityResult<Machine>(null, machine);
    }

    private static async Task<IResult> User(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var alert = await (await db.VisibleAlertsAsync(access, cancellationToken)).GetAlertAsync(id, cancellationToken);
        var related = alert.RelatedUser ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("User related to alert", id));
        var user = await db.Set<UserAccount>().FirstOrDefaultAsync(
                u => u.AccountName == related.UserName && (related.DomainName == null || u.AccountDomain == related.DomainName), cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("User", $"{related.DomainName}\\{related.UserName}"));
        return ODataResults.Entity(context.Request, "Users", user);
    }

    private static async Task<List<AlertEvidence>> EvidenceAsync(EmulatorDbContext db, CallerAccess access, string alertId, CancellationToken cancellationToken)
    {
        var alert = await (await db.VisibleAlertsAsync(access, cancellationToken)).Include(a => a.Evidence).GetAlertAsync(alertId, cancellationToken);
        return alert.Evidence;
    }

    private static FileInfo FromEvidence(AlertEvidence evidence) => new()
    {
        Sha1 = evidence.Sha1!.ToLowerInvariant(),
        Sha256 = evidence.Sha256?.ToLowerInvariant(),
        IsPeFile = evidence.FileName?.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) == true
            || evidence.FileName?.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) == true,
        FileNames = evidence.FileName is null ? [] : [evidence.FileName],
    };
}

/// <summary>A domain related to an alert.</summary>
/// <param name="Host">The host name.</param>
internal sealed record DomainView(string Host);

/// <summary>An IP related to an alert.</summary>
/// <param name="Id">The address.</param>
internal sealed record IpView(string Id);
