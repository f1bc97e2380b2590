using DefenderApi.Emulator.Library;
using DefenderApi.Emulator.MachineActions;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.LiveResponse;

/// <summary>
/// Checks live response commands (<see href="https://learn.microsoft.com/defender-endpoint/api/run-live-response">Run live response commands on a device</see>): known keys per type, required keys present, and every
/// file named by PutFile / RunScript in the tenant's library; an unsigned script needs the unsigned-script feature.
/// </summary>
internal static class LiveResponseCommands
{
    private static readonly Dictionary<LiveResponseCommandType, (string[] Required, string[] Optional)> Keys = new()
    {
        [LiveResponseCommandType.PutFile] = (["FileName"], []),
        [LiveResponseCommandType.RunScript] = (["ScriptName"], ["Args"]),
        [LiveResponseCommandType.GetFile] = (["Path"], []),
    };

    public static async Task<List<LiveResponseCommandState>> CheckAsync(
        IReadOnlyList<LiveResponseCommandRequest> commands, EmulatorDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput("'[]' for Commands; at least one command is required"));
        }

        var states = new List<LiveResponseCommandState>(commands.Count);
        for (var index = 0; index < commands.Count; index++)
        {
            var command = commands[index];
            var (required, optional) = Keys[command.Type];
            if (command.Params.FirstOrDefault(p => !required.Contains(p.Key, StringComparer.Ordinal) && !optional.Contains(p.Key, StringComparer.Ordinal)) is { } unknown)
            {
                throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{unknown.Key}' for Commands[{index}].params; {command.Type} takes {string.Join(", ", required.Concat(optional))}"));
            }

            if (required.FirstOrDefault(k => command.Params.All(p => p.Key != k)) is { } missing)
            {
                throw new DefenderErrorException(DefenderErrors.MissingParameter($"Commands[{index}].params.{missing}"));
            }

            if (command.Type is LiveResponseCommandType.PutFile or LiveResponseCommandType.RunScript)
            {
                await CheckLibraryFileAsync(command, db, tenant, cancellationToken);
            }

            states.Add(new LiveResponseCommandState
            {
                Index = index,
                Command = new LiveResponseCommand
                {
                    Type = command.Type,
                    Params = [.. command.Params.Select(p => new LiveResponseParam { Key = p.Key, Value = p.Value })],
                },
            });
        }

        return states;
    }

    private static async Task CheckLibraryFileAsync(LiveResponseCommandRequest command, EmulatorDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var name = command.Params.First(p => p.Key is "FileName" or "ScriptName").Value;
        var file = await db.Set<LibraryFile>().Where(f => f.FileName == name).Select(f => new { f.IsSigned }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Library file", name));
        if (command.Type == LiveResponseCommandType.RunScript && !file.IsSigned)
        {
            var tenantRecord = await db.Tenants.FirstAsync(t => t.Id == tenant.TenantId, cancellationToken);
            if (!tenantRecord.IsEnabled(TenantFeatures.LiveResponseUnsignedScripts))
            {
                throw new DefenderErrorException(DefenderErrors.DisabledFeature(TenantFeatures.LiveResponseUnsignedScripts));
            }
        }
    }
}
