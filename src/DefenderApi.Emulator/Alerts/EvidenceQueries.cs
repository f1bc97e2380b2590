using System.Linq.Expressions;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>What the tenant's alert evidence says about a file, IP, domain or user (the entity pages of the file, IP, domain and user pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class EvidenceQueries
{
    /// <summary>The alerts with at least one piece of evidence matching <paramref name="match"/>, newest first.</summary>
    /// <param name="alerts">The alerts the caller sees.</param>
    /// <param name="match">The evidence condition.</param>
    /// <returns>The alerts.</returns>
    public static async Task<List<Alert>> AlertsAsync(
        EmulatorDbContext db, IQueryable<Alert> alerts, Expression<Func<AlertEvidence, bool>> match, CancellationToken cancellationToken)
    {
        var ids = db.Set<AlertEvidence>().Where(match).Select(e => e.AlertId);
        return await alerts.Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.AlertCreationTime).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The machines of the alerts with evidence matching <paramref name="match"/>, and the devices in <paramref name="alsoDevices"/>.</summary>
    /// <param name="match">The evidence condition.</param>
    /// <param name="alsoDevices">More device ids (e.g. of the events that show the entity).</param>
    /// <param name="limit">The most machines to return.</param>
    /// <returns>The machines, by id.</returns>
    public static async Task<List<Machine>> MachinesAsync(
        EmulatorDbContext db, Expression<Func<AlertEvidence, bool>> match, IReadOnlyCollection<string> alsoDevices, int limit, CancellationToken cancellationToken)
    {
        var alertIds = db.Set<AlertEvidence>().Where(match).Select(e => e.AlertId);
        var machineIds = db.Alerts().Where(a => alertIds.Contains(a.Id)).Select(a => a.MachineId);
        return await db.Machines().Where(m => machineIds.Contains(m.Id) || alsoDevices.Contains(m.Id)).OrderBy(m => m.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The matching evidence within a look-back window, as sightings on the alerts' machines.</summary>
    /// <param name="match">The evidence condition.</param>
    /// <param name="since">The start of the window.</param>
    /// <returns>The sightings.</returns>
    public static async Task<List<Sighting>> SightingsAsync(
        EmulatorDbContext db, Expression<Func<AlertEvidence, bool>> match, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Set<AlertEvidence>().Where(match).Where(e => e.EvidenceCreationTime >= since)
            .Join(db.Alerts(), e => e.AlertId, a => a.Id, (e, a) => new Sighting(a.MachineId, e.EvidenceCreationTime, e.FileName))
            .ToListAsync(cancellationToken);
}

/// <summary>How often something was seen in the organisation.</summary>
/// <param name="Machines">Distinct devices.</param>
/// <param name="FirstSeen">First time, if seen.</param>
/// <param name="LastSeen">Last time, if seen.</param>
/// <param name="TopFileNames">The most frequent file names (files only).</param>
internal sealed record Prevalence(int Machines, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, IReadOnlyList<string> TopFileNames)
{
    /// <summary>The prevalence of a set of sightings: distinct devices, first and last instant, the five commonest names.</summary>
    /// <param name="sightings">The sightings (events and evidence).</param>
    /// <returns>The prevalence.</returns>
    public static Prevalence Of(IReadOnlyCollection<Sighting> sightings)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        return sightings.Count == 0
            ? new Prevalence(0, null, null, [])
            : new Prevalence(
                sightings.Select(r => r.DeviceId).Distinct(StringComparer.Ordinal).Count(),
                sightings.Min(r => r.Time),
                sightings.Max(r => r.Time),
                [.. sightings.Where(r => r.FileName is not null).GroupBy(r => r.FileName!, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).Select(g => g.Key)]);
    }
}
