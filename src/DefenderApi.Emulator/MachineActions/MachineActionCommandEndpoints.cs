using System.Text.RegularExpressions;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>The action-creating calls under <c>/api/machines/{id}</c> (the machine action pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>); each answers 201 with the action.</summary>
internal static partial class MachineActionCommandEndpoints
{
    /// <summary>Maps the action calls.</summary>
    public static RouteGroupBuilder MapMachineActionCommands(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines/{id}").WithTags("MachineActions").WithRateLimit(ApiRateLimit.Default("machineactions"));
        var remediation = PortalRoles.ActiveRemediationActions;
        group.MapPost("/isolate", Isolate).WithSummary("Isolate machine API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/isolate-machine").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_Isolate").RequirePermissions(["Machine.Isolate"], ["Machine.Isolate"]).RequirePortalRole(remediation);
        group.MapPost("/unisolate", Unisolate).WithSummary("Release device from isolation API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/unisolate-machine").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_Unisolate").RequirePermissions(["Machine.Isolate"], ["Machine.Isolate"]).RequirePortalRole(remediation);
        group.MapPost("/restrictCodeExecution", Restrict).WithSummary("Restrict app execution API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/restrict-code-execution").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_RestrictCodeExecution").RequirePermissions(["Machine.RestrictExecution"], ["Machine.RestrictExecution"]).RequirePortalRole(remediation);
        group.MapPost("/unrestrictCodeExecution", Unrestrict).WithSummary("Remove app restriction API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/unrestrict-code-execution").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_UnrestrictCodeExecution").RequirePermissions(["Machine.RestrictExecution"], ["Machine.RestrictExecution"]).RequirePortalRole(remediation);
        group.MapPost("/runAntiVirusScan", Scan).WithSummary("Run antivirus scan API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/run-av-scan").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_RunAntiVirusScan").RequirePermissions(["Machine.Scan"], ["Machine.Scan"]).RequirePortalRole(remediation);
        group.MapPost("/collectInvestigationPackage", Collect).WithSummary("Collect investigation package API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/collect-investigation-package").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_CollectInvestigationPackage").RequirePermissions(["Machine.CollectForensics"], ["Machine.CollectForensics"]).RequirePortalRole(PortalRoles.AlertsInvestigation);
        // <see href="https://learn.microsoft.com/defender-endpoint/api/stop-and-quarantine-file">Stop and quarantine file API</see> lists the read permissions next to Machine.StopAndQuarantine for applications.
        group.MapPost("/StopAndQuarantineFile", StopAndQuarantine).WithSummary("Stop and quarantine file API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/stop-and-quarantine-file").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_StopAndQuarantineFile")
            .RequirePermissions(["Machine.StopAndQuarantine", "Machine.Read.All", "Machine.ReadWrite.All"], ["Machine.StopAndQuarantine"])
            .RequirePortalRole(remediation);
        group.MapPost("/offboard", Offboard).WithSummary("Offboard machine API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/offboard-machine-api").Produces<MachineAction>(StatusCodes.Status201Created).WithName("Machines_Offboard").RequirePermissions(["Machine.Offboard"], ["Machine.Offboard"]).RequirePortalRole(remediation);
        return group;
    }

    internal static async Task<IResult> CreateAsync(
        HttpContext context, MachineActionService actions, EmulatorDbContext db, string id, NewMachineAction request) =>
        ODataResults.Entity(context.Request, MachineActionPolicies.EntitySet,
            await actions.CreateAsync(db, id, request, context.RequestServices.GetRequiredService<CallerAccess>(), context.RequestAborted),
            StatusCodes.Status201Created);

    private static Task<IResult> Isolate(string id, JsonBody<IsolateRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db)
    {
        var type = body.Value.IsolationType ?? IsolationType.Full;
        return CreateAsync(context, actions, db, id, new(MachineActionType.Isolate, type.ToString(), body.Value.Comment, RequestorOf(context))
        {
            StateCheck = machine => (type == IsolationType.UnManagedDevice) == (machine.OnboardingStatus == "onboarded")
                ? DefenderErrors.InvalidInput(type == IsolationType.UnManagedDevice
                    ? $"'UnManagedDevice' for IsolationType; machine {machine.Id} is onboarded (use Full or Selective)"
                    : $"'{type}' for IsolationType; machine {machine.Id} is not onboarded (use UnManagedDevice)")
                : null,
        });
    }

    private static Task<IResult> Unisolate(string id, JsonBody<CommentRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.Unisolate, null, body.Value.Comment, RequestorOf(context))
        {
            StateCheck = machine => machine.Isolation == IsolationState.None
                ? DefenderErrors.BadRequest($"Machine {machine.Id} is not isolated; there is no isolation to release.")
                : null,
        });

    private static Task<IResult> Restrict(string id, JsonBody<CommentRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.RestrictCodeExecution, null, body.Value.Comment, RequestorOf(context)));

    private static Task<IResult> Unrestrict(string id, JsonBody<CommentRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.UnrestrictCodeExecution, null, body.Value.Comment, RequestorOf(context))
        {
            StateCheck = machine => machine.CodeExecutionRestricted
                ? null
                : DefenderErrors.BadRequest($"Machine {machine.Id} has no app execution restriction to remove."),
        });

    private static Task<IResult> Scan(string id, JsonBody<AntivirusScanRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.RunAntiVirusScan, body.Value.ScanType.ToString(), body.Value.Comment, RequestorOf(context)));

    private static Task<IResult> Collect(string id, JsonBody<CommentRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.CollectInvestigationPackage, null, body.Value.Comment, RequestorOf(context)));

    private static Task<IResult> Offboard(string id, JsonBody<CommentRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db) =>
        CreateAsync(context, actions, db, id, new(MachineActionType.Offboard, null, body.Value.Comment, RequestorOf(context)));

    private static Task<IResult> StopAndQuarantine(string id, JsonBody<StopAndQuarantineRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db)
    {
        var sha1 = body.Value.Sha1;
        if (!Sha1Pattern().IsMatch(sha1))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidHash(sha1));
        }

        return CreateAsync(context, actions, db, id, new(MachineActionType.StopAndQuarantineFile, null, body.Value.Comment, RequestorOf(context))
        {
            StateCheck = _ => MicrosoftSignedFiles.Sha1.Contains(sha1)
                ? DefenderErrors.DisallowedOperation($"Stop and quarantine of file {sha1} is not allowed: the file is signed by Microsoft")
                : null,
            Configure = action => action.RelatedFileInfo = new RelatedFileInfo { FileIdentifier = sha1.ToLowerInvariant(), FileIdentifierType = "Sha1" },
        });
    }

    internal static string RequestorOf(HttpContext context) => context.RequestServices.GetRequiredService<CallerAccess>().Requestor;

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();
}
