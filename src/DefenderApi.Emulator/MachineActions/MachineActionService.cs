using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>What a new action needs besides its machine.</summary>
/// <param name="Type">The action type.</param>
/// <param name="Scope">Its scope, or null.</param>
/// <param name="Comment">The requestor's comment.</param>
/// <param name="Requestor">Who asks.</param>
internal sealed record NewMachineAction(MachineActionType Type, string? Scope, string? Comment, string Requestor)
{
    /// <summary>A check on the machine's state after the platform checks (e.g. unisolate of a machine that is not isolated).</summary>
    public Func<Machine, DefenderError?>? StateCheck { get; init; }

    /// <summary>Fills type-specific members (related file, live response commands).</summary>
    public Action<MachineAction>? Configure { get; init; }
}

/// <summary>
/// Creates machine actions: machine lookup, due transitions, platform and version checks, state checks, then the
/// insert. One pending or running action per machine and type is enforced by a unique partial index; losing that
/// race is 400 <c>ActiveRequestAlreadyExists</c>.
/// </summary>
internal sealed class MachineActionService(MachineActionLifecycle lifecycle)
{
    /// <summary>Creates an action on a machine.</summary>
    /// <param name="machineIdOrName">The machine id or name from the path.</param>
    /// <param name="request">The action.</param>
    /// <param name="access">The caller's access (device groups).</param>
    /// <returns>The stored action.</returns>
    /// <exception cref="DefenderErrorException">A documented precondition failed.</exception>
    public async Task<MachineAction> CreateAsync(EmulatorDbContext db, string machineIdOrName, NewMachineAction request, CallerAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var machine = await db.Machines().AsTracking().GetMachineAsync(machineIdOrName, access, cancellationToken);
        await lifecycle.AdvanceAsync(db, machine.Id, cancellationToken);
        ActionSupport.Check(machine, request.Type, request.Scope);
        if (request.StateCheck?.Invoke(machine) is { } refusal)
        {
            throw new DefenderErrorException(refusal);
        }

        var action = new MachineAction
        {
            TenantId = machine.TenantId,
            Id = Guid.NewGuid().ToString(),
            Type = request.Type,
            Scope = request.Scope,
            Requestor = request.Requestor,
            RequestorComment = request.Comment,
            MachineId = machine.Id,
            ComputerDnsName = machine.ComputerDnsName,
            RequestSource = "PublicApi",
        };
        request.Configure?.Invoke(action);
        lifecycle.Schedule(action, machine);
        db.Add(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is SqliteException { SqliteErrorCode: 19 } unique
            && unique.Message.Contains("MachineActions.MachineId", StringComparison.Ordinal))
        {
            db.ChangeTracker.Clear();
            throw new DefenderErrorException(await DuplicateAsync(db, machine.Id, request.Type, cancellationToken));
        }

        return action;
    }

    private static async Task<DefenderError> DuplicateAsync(EmulatorDbContext db, string machineId, MachineActionType type, CancellationToken cancellationToken)
    {
        var active = await db.Set<MachineAction>()
            .Where(a => a.MachineId == machineId && a.Type == type)
            .Where(a => a.Status == MachineActionStatus.Pending || a.Status == MachineActionStatus.InProgress)
            .Select(a => new { a.Id, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        var which = active is null ? string.Empty : $" (action {active.Id} is {active.Status})";
        return DefenderErrors.ActiveRequestAlreadyExists($"Action is already in progress: a {type} action on machine {machineId} is pending or in progress{which}.");
    }
}
