using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Investigations;

/// <summary>
/// Starts automated investigations: on a device on request, and on alerts created through the API. Id allocation and
/// the save that takes the id hold the tenant's <c>investigations</c> write lock, so parallel starts never share an id.
/// </summary>
internal sealed class InvestigationService(EmulatorDbContext db, CallerAccess access, TimeProvider time, TenantWriteLocks locks) : IAlertCreatedHandler
{
    /// <summary>The write-lock scope of investigation ids (<see cref="TenantWriteLocks"/>).</summary>
    public const string LockScope = "investigations";

    /// <summary>The first investigation id of a tenant.</summary>
    public const long FirstId = 63000;

    /// <summary>Starts an investigation on a device.</summary>
    /// <param name="machineId">The device id or name.</param>
    /// <param name="comment">The caller's comment.</param>
    /// <returns>The investigation.</returns>
    /// <exception cref="DefenderErrorException">Unknown device, or an OS AIR does not support.</exception>
    public async Task<Investigation> StartAsync(string machineId, string comment, CancellationToken cancellationToken)
    {
        var machine = await db.Machines().GetMachineAsync(machineId, cancellationToken);
        await access.DemandDeviceGroupAsync(machine.RbacGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        if (AirSupport.Check(machine) is { } unsupported)
        {
            throw new DefenderErrorException(unsupported);
        }

        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, LockScope, cancellationToken);
        var investigation = await NewAsync(machine, null, cancellationToken);
        investigation.StatusDetails = comment;
        await db.SaveChangesAsync(cancellationToken);
        return investigation;
    }

    /// <inheritdoc />
    public async Task AlertCreatedAsync(Alert alert, Machine machine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == db.CurrentTenantId, cancellationToken);
        if (!tenant.IsEnabled(TenantFeatures.AutomatedInvestigation))
        {
            return;
        }

        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, LockScope, cancellationToken);
        if (AirSupport.Check(machine) is not null)
        {
            alert.InvestigationState = "UnsupportedOs";
        }
        else
        {
            var investigation = await NewAsync(machine, alert.Id, cancellationToken);
            alert.InvestigationId = long.Parse(investigation.Id, System.Globalization.CultureInfo.InvariantCulture);
            alert.InvestigationState = investigation.State;
        }

        if (db.Entry(alert).State == EntityState.Detached)
        {
            db.Update(alert);
        }

        // Tracked (as the creating path hands it over): only the investigation fields are written, not every column of the alert.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Investigation> NewAsync(Machine machine, string? alertId, CancellationToken cancellationToken)
    {
        var investigation = new Investigation
        {
            TenantId = db.CurrentTenantId,
            Id = await TenantSequences.NextAsync(db, "investigations", FirstId, db.Set<Investigation>().Select(i => i.Id), cancellationToken),
            StartTime = time.GetUtcNow(),
            State = InvestigationStates.Running,
            MachineId = machine.Id,
            ComputerDnsName = machine.ComputerDnsName,
            TriggeringAlertId = alertId,
        };
        db.Add(investigation);
        return investigation;
    }
}
