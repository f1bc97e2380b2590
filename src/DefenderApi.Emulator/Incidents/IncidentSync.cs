using System.Collections.Concurrent;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Brings a context's pending alert changes into the incidents before they are saved: alerts added without an incident
/// are grouped by <see cref="IncidentAssignment"/>'s rule, and every incident that gains, loses or holds a changed
/// alert is derived again (an incident left without alerts is removed). Called by
/// <see cref="IncidentAssignmentInterceptor"/> on every save that touches alerts.
/// </summary>
/// <param name="ids">Hands out incident ids.</param>
internal sealed class IncidentSync(IncidentIds ids)
{
    /// <summary>Applies the pending alert changes of <paramref name="db"/> to its incidents (the caller saves).</summary>
    /// <param name="db">The store with tracked alert changes.</param>
    public async Task ApplyAsync(EmulatorDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.DeferDerivedState)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries<Alert>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var touched = new HashSet<long>();
        foreach (var entry in changed)
        {
            if (entry.State != EntityState.Added && entry.Property(a => a.IncidentId).OriginalValue is { } before)
            {
                touched.Add(before);
            }

            if (entry.Entity.IncidentId is { } now)
            {
                touched.Add(now);
            }
        }

        var unassigned = changed.Where(e => e.State != EntityState.Deleted && e.Entity.IncidentId is null).Select(e => e.Entity).ToList();
        var created = new List<Incident>();
        if (unassigned.Count > 0)
        {
            var book = new IncidentBook(await OpenIncidentsAsync(db, unassigned, cancellationToken));
            created = book.Assign(db.CurrentTenantId, unassigned, () => ids.Next(db.CurrentTenantId, db));
            touched.UnionWith(unassigned.Select(a => a.IncidentId!.Value));
        }

        await DeriveAsync(db, touched, created, changed.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    // The open incidents of the window that hold an alert on one of the new alerts' devices or threat families.
    private static async Task<List<(Incident, IReadOnlyList<Alert>)>> OpenIncidentsAsync(EmulatorDbContext db, List<Alert> alerts, CancellationToken cancellationToken)
    {
        var from = alerts.Min(a => a.AlertCreationTime) - IncidentAssignment.Window;
        var to = alerts.Max(a => a.AlertCreationTime);
        var devices = alerts.Select(a => a.MachineId).Distinct(StringComparer.Ordinal).ToList();
        var families = alerts.Select(a => a.ThreatFamilyName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var related = db.Alerts()
            .Where(a => a.IncidentId != null && a.AlertCreationTime >= from && (devices.Contains(a.MachineId) || families.Contains(a.ThreatFamilyName!)))
            .Select(a => a.IncidentId!.Value);
        var open = await db.Set<Incident>().AsTracking()
            .Where(i => (i.Status == IncidentStatus.Active || i.Status == IncidentStatus.InProgress) && i.CreatedTime >= from && i.CreatedTime <= to)
            .Where(i => related.Contains(i.IncidentId))
            .ToListAsync(cancellationToken);
        var openIds = open.Select(i => i.IncidentId).ToList();
        var members = await db.Alerts().Where(a => a.IncidentId != null && openIds.Contains(a.IncidentId.Value)).ToListAsync(cancellationToken);
        var byIncident = members.ToLookup(a => a.IncidentId!.Value);
        return [.. open.Select(i => (i, (IReadOnlyList<Alert>)[.. byIncident[i.IncidentId]]))];
    }

    private static async Task DeriveAsync(EmulatorDbContext db, HashSet<long> touched, List<Incident> created, HashSet<string> deleted, CancellationToken cancellationToken)
    {
        var ids = touched.ToList();
        var tracked = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity).Where(i => touched.Contains(i.IncidentId)).ToList();
        var trackedIds = tracked.Select(i => i.IncidentId).ToList();
        var stored = await db.Set<Incident>().AsTracking()
            .Where(i => ids.Contains(i.IncidentId) && !trackedIds.Contains(i.IncidentId))
            .ToListAsync(cancellationToken);
        var incidents = tracked.Concat(stored).Concat(created.Where(c => !trackedIds.Contains(c.IncidentId))).DistinctBy(i => i.IncidentId).ToDictionary(i => i.IncidentId);

        // The stored members, with the pending changes laid over them (tracked instances win; deleted ones leave).
        var members = (await db.Alerts().Where(a => a.IncidentId != null && ids.Contains(a.IncidentId.Value)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<Alert>().Where(e => e.State != EntityState.Detached))
        {
            members[entry.Entity.Id] = entry.Entity;
        }

        var byIncident = members.Values
            .Where(a => !deleted.Contains(a.Id) && a.IncidentId is { } id && touched.Contains(id))
            .ToLookup(a => a.IncidentId!.Value);
        foreach (var id in ids)
        {
            var alerts = byIncident[id].ToList();
            if (!incidents.TryGetValue(id, out var incident))
            {
                if (alerts.Count == 0)
                {
                    continue;
                }

                incident = new Incident { TenantId = db.CurrentTenantId, IncidentId = id, Status = IncidentStatus.Active };
                db.Add(incident);
            }
            else if (alerts.Count == 0)
            {
                db.Remove(incident);
                continue;
            }
            else if (created.Contains(incident))
            {
                db.Add(incident);
            }

            IncidentAssignment.Derive(incident, alerts);
        }
    }
}

/// <summary>
/// Hands out incident ids: one past the highest stored id of the tenant, and never twice in this process (two
/// requests creating incidents at once get different ids; one emulator process owns its store).
/// </summary>
internal sealed class IncidentIds
{
    private readonly ConcurrentDictionary<Guid, long> _last = new();

    /// <summary>The next id of the tenant.</summary>
    /// <param name="db">The store (its highest incident id).</param>
    /// <returns>The id.</returns>
    public long Next(Guid tenantId, EmulatorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = db.Set<Incident>().Max(i => (long?)i.IncidentId) ?? IncidentAssignment.FirstId - 1;
        var pending = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity.IncidentId).DefaultIfEmpty(stored).Max();
        return _last.AddOrUpdate(tenantId, _ => Math.Max(stored, pending) + 1, (_, last) => Math.Max(Math.Max(stored, pending), last) + 1);
    }
}
