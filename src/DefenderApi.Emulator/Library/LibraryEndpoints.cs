using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Library;

/// <summary><c>/api/libraryfiles</c>: list, upload, delete (the live response library pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class LibraryEndpoints
{
    private const string EntitySet = "LibraryFiles";

    /// <summary>
    /// The <see cref="TenantWriteLocks"/> scope of the library's writers: an upload reads by name, then inserts or
    /// replaces, so two uploads of one new name both inserted (the second hit the unique name, a 500 in the long fuzz
    /// run) and an override racing a delete updated a row that was gone.
    /// </summary>
    internal const string WriteScope = "library";

    /// <summary>Maps the library resource.</summary>
    public static RouteGroupBuilder MapLibrary(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/libraryfiles").WithTags("Library")
            .RequirePermissions(["Library.Manage"], ["Library.Manage"])
            .WithRateLimit(ApiRateLimit.Default("libraryfiles"));
        group.MapGet("", List).WithSummary("List library files").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/list-library-files").Lists<LibraryFile>();
        group.MapPost("", Upload).WithSummary("Upload files to the live response library").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/upload-library").Accepts<LibraryUploadForm>("multipart/form-data").Produces<LibraryFile>().DisableAntiforgery();
        group.MapDelete("/{fileName}", Delete).WithSummary("Delete a file from the live response library").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/delete-library").Produces(StatusCodes.Status204NoContent);
        return group;
    }

    private static async Task<IResult> List(HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken) =>
        ODataResults.Collection(context.Request, EntitySet, await db.Set<LibraryFile>().OrderBy(f => f.FileName).ToListAsync(cancellationToken));

    private static async Task<IResult> Upload(HttpContext context, EmulatorDbContext db, TenantContext tenant, TimeProvider time, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        var upload = await LibraryUpload.ReadAsync(context.Request, cancellationToken);
        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, WriteScope, cancellationToken);
        var file = await db.Set<LibraryFile>().AsTracking().FirstOrDefaultAsync(f => f.FileName == upload.FileName, cancellationToken);
        if (file is not null && !upload.OverrideIfExists)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"Library file {upload.FileName} already exists; send OverrideIfExists=true to replace it."));
        }

        var now = time.GetUtcNow();
        if (file is null)
        {
            file = new LibraryFile { TenantId = tenant.TenantId!.Value, FileName = upload.FileName, CreationTime = now };
            db.Add(file);
        }

        file.Content = upload.Content;
        file.Sha256 = upload.Sha256;
        file.IsSigned = upload.IsSigned;
        file.Description = upload.Description;
        file.ParametersDescription = upload.ParametersDescription;
        file.HasParameters = upload.HasParameters;
        file.CreatedBy = MachineActionCommandEndpoints.RequestorOf(context);
        file.LastUpdatedTime = now;
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, EntitySet, file);
    }

    private static async Task<IResult> Delete(string fileName, EmulatorDbContext db, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, WriteScope, cancellationToken);
        var deleted = await db.Set<LibraryFile>().Where(f => f.FileName == fileName).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0
            ? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Library file", fileName))
            : TypedResults.NoContent();
    }
}
