using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>
/// Moves actions through Pending → InProgress → Succeeded/Failed/TimeOut/Cancelled. Timed actions carry their
/// start and completion instants; every read first stores the transitions that are due by <see cref="TimeProvider"/>
/// (so no timers run, and a fake clock drives it exactly). A success applies the action's effect to the machine.
/// </summary>
internal sealed class MachineActionLifecycle(TimeProvider time, MachineActionSettingsStore settings)
{
    /// <summary>Sets a new action's status and schedule from the settings in force.</summary>
    /// <param name="action">The new action.</param>
    /// <param name="machine">Its machine (tracked), changed at once in immediate mode.</param>
    public void Schedule(MachineAction action, Machine machine)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = time.GetUtcNow();
        var current = settings.Current;
        action.CreationDateTimeUtc = now;
        action.LastUpdateDateTimeUtc = now;
        action.Status = MachineActionStatus.Pending;
        if (current.Mode == MachineActionMode.Immediate || (current.Mode == MachineActionMode.Timed && current.Seconds == 0))
        {
            Finish(action, machine, MachineActionStatus.Succeeded, now);
        }
        else if (current.Mode == MachineActionMode.Timed)
        {
            action.StartsAt = now.AddSeconds(current.Seconds / 2.0);
            action.CompletesAt = now.AddSeconds(current.Seconds);
        }
    }

    /// <summary>Stores every transition that is due (optionally for one machine only).</summary>
    /// <param name="machineId">Only this machine's actions, or all.</param>
    public async Task AdvanceAsync(EmulatorDbContext db, string? machineId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var due = db.Set<MachineAction>().AsTracking()
            .Where(a => a.Status == MachineActionStatus.Pending || a.Status == MachineActionStatus.InProgress)
            .Where(a => a.StartsAt <= now || a.CompletesAt <= now);
        if (machineId is not null)
        {
            due = due.Where(a => a.MachineId == machineId);
        }

        var actions = await due.ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return;
        }

        var machineIds = actions.Select(a => a.MachineId).Distinct().ToList();
        var machines = await db.Machines().AsTracking().Where(m => machineIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var action in actions)
        {
            if (action.CompletesAt <= now)
            {
                Finish(action, machines.GetValueOrDefault(action.MachineId), MachineActionStatus.Succeeded, action.CompletesAt.Value);
            }
            else if (action.Status == MachineActionStatus.Pending)
            {
                action.Status = MachineActionStatus.InProgress;
                action.LastUpdateDateTimeUtc = action.StartsAt!.Value;
                action.StartsAt = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Completes an action now with a final status (the admin <c>complete</c> call).</summary>
    /// <param name="action">The action (tracked).</param>
    /// <param name="machine">Its machine (tracked), or null when gone.</param>
    /// <param name="status">Succeeded, Failed, TimeOut or Cancelled.</param>
    /// <exception cref="DefenderErrorException">The action is already final (403 DisallowedOperation).</exception>
    public void Complete(MachineAction action, Machine? machine, MachineActionStatus status)
    {
        ArgumentNullException.ThrowIfNull(action);
        EnsureActive(action, "complete");
        Finish(action, machine, status, time.GetUtcNow());
    }

    /// <summary>Cancels an action that is not final (<see href="https://learn.microsoft.com/defender-endpoint/api/cancel-machine-action">Cancel machine action API</see>).</summary>
    /// <param name="action">The action (tracked).</param>
    /// <param name="requestor">Who cancels.</param>
    /// <param name="comment">Why.</param>
    /// <exception cref="DefenderErrorException">The action is already final (403 DisallowedOperation).</exception>
    public void Cancel(MachineAction action, string requestor, string? comment)
    {
        ArgumentNullException.ThrowIfNull(action);
        EnsureActive(action, "cancel");
        var now = time.GetUtcNow();
        action.CancellationRequestor = requestor;
        action.CancellationComment = comment;
        action.CancellationDateTimeUtc = now;
        Finish(action, null, MachineActionStatus.Cancelled, now);
    }

    private static void EnsureActive(MachineAction action, string operation)
    {
        if (!action.IsActive)
        {
            throw new DefenderErrorException(DefenderErrors.DisallowedOperation(
                $"Cannot {operation} machine action {action.Id}: it is already in the final state {action.Status}"));
        }
    }

    private static void Finish(MachineAction action, Machine? machine, MachineActionStatus status, DateTimeOffset at)
    {
        action.Status = status;
        action.LastUpdateDateTimeUtc = at;
        action.StartsAt = null;
        action.CompletesAt = null;
        foreach (var command in action.Commands)
        {
            command.StartTime ??= action.CreationDateTimeUtc;
            command.EndTime = at;
            command.CommandStatus = status == MachineActionStatus.Succeeded ? "Completed" : "Failed";
        }

        if (status == MachineActionStatus.Succeeded && machine is not null)
        {
            ApplyEffect(action, machine);
        }
    }

    private static void ApplyEffect(MachineAction action, Machine machine)
    {
        switch (action.Type)
        {
            case MachineActionType.Isolate:
                machine.Isolation = action.Scope == "Selective" ? IsolationState.Selective : IsolationState.Full;
                break;
            case MachineActionType.Unisolate:
                machine.Isolation = IsolationState.None;
                break;
            case MachineActionType.RestrictCodeExecution:
                machine.CodeExecutionRestricted = true;
                break;
            case MachineActionType.UnrestrictCodeExecution:
                machine.CodeExecutionRestricted = false;
                break;
            case MachineActionType.Offboard:
                machine.OnboardingStatus = "CanBeOnboarded";
                machine.HealthStatus = MachineHealthStatus.Inactive;
                machine.Isolation = IsolationState.None;
                break;
        }
    }
}
