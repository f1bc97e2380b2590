using System.Globalization;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Library;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.LiveResponse;

/// <summary>Run live response, get a command's result link, and serve the result (<see href="https://learn.microsoft.com/defender-endpoint/api/run-live-response">Run live response commands on a device</see>, <see href="https://learn.microsoft.com/defender-endpoint/api/get-live-response-result">Get live response results</see>).</summary>
internal static class LiveResponseEndpoints
{
    private static readonly TimeSpan ResultLinkLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Maps the live response calls.</summary>
    public static IEndpointRouteBuilder MapLiveResponse(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/machines/{id}/runliveresponse", Run).WithSummary("Run live response commands on a device").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/run-live-response").Produces<MachineAction>(StatusCodes.Status201Created).WithTags("LiveResponse")
            .RequirePermissions(["Machine.LiveResponse"], ["Machine.LiveResponse"])
            .RequirePortalRole(PortalRoles.ActiveRemediationActions)
            .RequireFeature(TenantFeatures.LiveResponse)
            .WithRateLimit(new ApiRateLimit("machines.runliveresponse", 10, null));
        app.MapGet("/api/machineactions/{id}/GetLiveResponseResultDownloadLink(index={index})", ResultLink).WithSummary("Get live response results").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-live-response-result").Produces<ODataValue<string>>().WithTags("LiveResponse")
            .RequirePermissions(MachinesEndpoints.ReadApp, ["Machine.LiveResponse"])
            .WithRateLimit(ApiRateLimit.Default("machineactions.liveresponseresult"));
        app.MapGet("/downloads/{tenantId:guid}/liveresponse/{id}/{index:int}", Download).WithTags("Downloads");
        return app;
    }

    private static async Task<IResult> Run(
        string id, JsonBody<LiveResponseRequest> body, HttpContext context, MachineActionService actions, EmulatorDbContext db, TenantContext tenant, CallerAccess access)
    {
        await db.Machines().GetMachineAsync(id, access, context.RequestAborted);
        var commands = await LiveResponseCommands.CheckAsync(body.Value.Commands, db, tenant, context.RequestAborted);
        return await MachineActionCommandEndpoints.CreateAsync(context, actions, db, id,
            new(MachineActionType.LiveResponse, null, body.Value.Comment, MachineActionCommandEndpoints.RequestorOf(context)) { Configure = action => action.Commands = commands });
    }

    private static async Task<IResult> ResultLink(
        string id, string index, HttpContext context, EmulatorDbContext db, MachineActionLifecycle lifecycle, DownloadLinks links, TenantContext tenant, CallerAccess access, CancellationToken cancellationToken)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{index}' for index; expected a 0-based command index"));
        }

        var action = await MachineActionsEndpoints.GetActionAsync(db, lifecycle, id, false, access, cancellationToken);
        var command = FindCommand(action, position);
        if (command.CommandStatus != "Completed")
        {
            throw new DefenderErrorException(DefenderErrors.NotFound($"Command {position} of machine action {id} has no result: it is {command.CommandStatus}."));
        }

        if (command.Command.Type == LiveResponseCommandType.PutFile)
        {
            throw new DefenderErrorException(DefenderErrors.NotFound($"Command {position} of machine action {id} is a PutFile command, which has no result."));
        }

        var url = links.Create(context.Request, $"/downloads/{tenant.TenantId}/liveresponse/{action.Id}/{position}", ResultLinkLifetime);
        return new ODataValueResult(ODataLinks.Context(context.Request, "Edm.String"), url);
    }

    private static async Task<IResult> Download(Guid tenantId, string id, int index, HttpContext context, CancellationToken cancellationToken)
    {
        var action = await ActionDownloads.OpenAsync(context, tenantId, id, cancellationToken);
        var command = FindCommand(action, index).Command;
        if (command.Type == LiveResponseCommandType.GetFile)
        {
            var path = command.Params.First(p => p.Key == "Path").Value;
            return TypedResults.File(Encoding.UTF8.GetBytes($"Emulated content of {path} from {action.ComputerDnsName}."), "application/octet-stream", Path.GetFileName(path.Replace('\\', '/')));
        }

        var script = command.Params.First(p => p.Key == "ScriptName").Value;
        var args = command.Params.FirstOrDefault(p => p.Key == "Args")?.Value;
        var transcript = new Dictionary<string, object>
        {
            ["script_name"] = script,
            ["exit_code"] = 0,
            ["script_output"] = $"Ran {script}{(args is null ? string.Empty : $" {args}")} on {action.ComputerDnsName}.",
            ["script_errors"] = string.Empty,
        };
        return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(transcript), "application/json");
    }

    private static LiveResponseCommandState FindCommand(MachineAction action, int index) =>
        action.Type != MachineActionType.LiveResponse
            ? throw new DefenderErrorException(DefenderErrors.NotFound($"Machine action {action.Id} is a {action.Type} action, not a live response."))
            : action.Commands.FirstOrDefault(c => c.Index == index)
              ?? throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{index}' for index; machine action {action.Id} has {action.Commands.Count} command(s)"));
}
