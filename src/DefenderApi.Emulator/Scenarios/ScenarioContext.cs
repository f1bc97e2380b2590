using System.Text.Json.Nodes;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.State;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Scenarios;

/// <summary>
/// What a step can do to the tenant, the way the real service would show it: append device events (a sink keyed by
/// hunting table name, so new tables are a row away), raise alerts from those events through the same path as
/// <c>CreateAlertByReference</c> (evidence from the event, AlertInfo/AlertEvidence rows, an automated investigation),
/// change alerts and machines. Every change moves <c>lastUpdateTime</c>/<c>lastSeen</c> to the step's instant.
/// </summary>
internal sealed class ScenarioContext
{
    private readonly EmulatorDbContext _db;
    private readonly AlertReferenceService _alerts;
    private readonly HuntingTables _tables;
    private readonly MachineStateService _machines;
    private readonly ScenarioRun _run;
    private readonly string _step;
    private readonly List<ScenarioEvent> _pending = [];

    // The alerts the step raised or changed: saved while the incidents are deferred, derived into them as the step ends.
    private readonly HashSet<Alert> _stepAlerts = new(ReferenceEqualityComparer.Instance);

    // The devices whose derived fields the step's changes move, recomputed once the step's changes are saved.
    private readonly Dictionary<string, MachineFacets> _touched = new(StringComparer.Ordinal);

    internal ScenarioContext(
        EmulatorDbContext db, AlertReferenceService alerts, HuntingTables tables, MachineStateService machines,
        ScenarioRun run, string step, DateTimeOffset now, Random random)
    {
        _machines = machines;
        _db = db;
        _alerts = alerts;
        _tables = tables;
        _run = run;
        _step = step;
        Now = now;
        Random = random;
    }

    /// <summary>The step's instant (the clock's now).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The run's random source (seeded).</summary>
    public Random Random { get; }

    /// <summary>The run's id.</summary>
    public string RunId => _run.Id;

    /// <summary>The devices the run plays on.</summary>
    public IReadOnlyList<string> Devices => _run.Devices;

    /// <summary>A device of the tenant, tracked.</summary>
    /// <param name="id">The machine id.</param>
    /// <returns>The machine.</returns>
    public async Task<Machine> MachineAsync(string id) => await _db.Machines().AsTracking().FirstAsync(m => m.Id == id);

    /// <summary>Appends one event row for a device (Timestamp, DeviceId, DeviceName and ReportId are filled) and marks the device seen.</summary>
    /// <param name="table">The hunting table, e.g. <c>DeviceProcessEvents</c>.</param>
    /// <param name="machine">The device.</param>
    /// <param name="columns">The other columns.</param>
    /// <returns>The event's ReportId.</returns>
    public Task<long> EmitAsync(string table, Machine machine, JsonObject columns)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(columns);
        var reportId = ScenarioReportIds.Next();
        columns["Timestamp"] = UtcInstant.Format(Now);
        columns["DeviceId"] = machine.Id;
        columns["DeviceName"] = machine.ComputerDnsName;
        columns["ReportId"] = reportId;
        AppendRow(table, columns);
        Touch(machine.Id, MachineFacets.Signals); // lastSeen, address and health follow from the event
        Record(table, machine.Id, null, $"{columns["ActionType"]} on {machine.ComputerDnsName}");
        return Task.FromResult(reportId);
    }

    /// <summary>
    /// Appends one row to a Defender XDR table that has no device columns (e-mail, identity, cloud-app events):
    /// Timestamp and ReportId are filled. <paramref name="ago"/> places it before the step's instant, as mail and
    /// identity signals arrive before the device event they led to.
    /// </summary>
    /// <param name="table">The hunting table, e.g. <c>EmailEvents</c>.</param>
    /// <param name="columns">The other columns.</param>
    /// <param name="ago">How long before the step's instant the row happened.</param>
    /// <returns>A task.</returns>
    public Task EmitXdrAsync(string table, JsonObject columns, TimeSpan ago)
    {
        ArgumentNullException.ThrowIfNull(columns);
        columns["Timestamp"] = UtcInstant.Format(Now - ago);
        columns["ReportId"] = ScenarioReportIds.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        AppendRow(table, columns);
        Record(table, null, null, $"{columns["ActionType"] ?? table}");
        return Task.CompletedTask;
    }

    /// <summary>Appends an event and raises an alert from it, as <c>POST /api/alerts/CreateAlertByReference</c> does.</summary>
    /// <param name="table">The event's table.</param>
    /// <param name="machine">The device.</param>
    /// <param name="columns">The event's columns.</param>
    /// <param name="alert">Title, severity, category and description of the alert.</param>
    /// <returns>The alert (tracked), new or the open one with the same title that absorbed it.</returns>
    public async Task<Alert> RaiseAlertAsync(string table, Machine machine, JsonObject columns, ScenarioAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var reportId = await EmitAsync(table, machine, columns);
        var raised = await _alerts.CreateAsync(new CreateAlertByReferenceRequest
        {
            MachineId = machine.Id,
            ReportId = reportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EventTime = UtcInstant.Format(Now),
            Title = alert.Title,
            Description = alert.Description,
            RecommendedAction = alert.RecommendedAction,
            Severity = alert.Severity,
            Category = alert.Category,
        }, $"scenario:{_run.Id}", a => a.DetectionSource = alert.DetectionSource, CancellationToken.None);
        // Tracked by this step's context (added, or the open alert it absorbed into); the family is saved with the step,
        // after the alert joined its incident, as an analyst's or a later detection's naming of it would be: so a
        // family-naming alert joins its incident now, the others with the step's other changes at its end.
        _stepAlerts.Add(raised);
        if (alert.ThreatFamily is not null)
        {
            await DeriveAsync();
            raised.ThreatFamilyName = alert.ThreatFamily;
        }

        Touch(machine.Id, MachineFacets.Risk);
        Record("Alert", machine.Id, raised.Id, $"{alert.Severity} alert '{alert.Title}' on {machine.ComputerDnsName}");
        return raised;
    }

    /// <summary>Changes an alert (e.g. resolves it) and moves its <c>lastUpdateTime</c>.</summary>
    /// <param name="alertId">The alert.</param>
    /// <param name="change">The change.</param>
    /// <param name="text">What changed, for the timeline.</param>
    /// <returns>A task.</returns>
    public async Task UpdateAlertAsync(string alertId, Action<Alert> change, string text)
    {
        ArgumentNullException.ThrowIfNull(change);
        var alert = await _db.Alerts().AsTracking().FirstAsync(a => a.Id == alertId);
        change(alert);
        _stepAlerts.Add(alert);
        alert.LastUpdateTime = Now; // saved with the step: one save derives every incident the step touched, once
        Touch(alert.MachineId, MachineFacets.Risk);
        Record("AlertUpdated", alert.MachineId, alert.Id, text);
    }

    /// <summary>The alerts this run raised so far.</summary>
    /// <returns>Their ids, in order.</returns>
    public IReadOnlyList<string> RaisedAlerts() =>
        [.. _run.Timeline.Concat(_pending).Where(e => e.Kind == "Alert" && e.AlertId is not null).Select(e => e.AlertId!).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Changes a machine's own fields (tags, value) and records it; its derived fields (risk, exposure, last seen,
    /// address, health) are then recomputed from its alerts, TVM state and events, so a step cannot set them apart from those.
    /// </summary>
    /// <param name="machine">The device (tracked).</param>
    /// <param name="change">The change.</param>
    /// <param name="text">What changed, for the timeline.</param>
    /// <returns>A task.</returns>
    public Task UpdateMachineAsync(Machine machine, Action<Machine> change, string text)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(change);
        change(machine); // saved with the step
        Touch(machine.Id, MachineFacets.All);
        Record("Machine", machine.Id, null, text);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends the step (the engine commits after it): its new and changed alerts join their incidents in one pass, and
    /// its pending changes are saved with the devices they touched recomputed.
    /// </summary>
    internal async Task CompleteAsync()
    {
        await DeriveAsync();
        await RefreshTouchedAsync();
    }

    // Saves with the incidents derived (the step's saves defer them, EmulatorDbContext.DeferDerivedState): the step's
    // alerts already stored are marked changed again, so the save assigns the new ones and derives every incident they
    // hold, as it would have on each of the step's saves.
    private async Task DeriveAsync()
    {
        _db.DeferDerivedState = false;
        try
        {
            foreach (var alert in _stepAlerts)
            {
                var entry = _db.Entry(alert);
                if (entry.State == EntityState.Unchanged)
                {
                    entry.Property(a => a.IncidentId).IsModified = true;
                }
            }

            await _db.SaveChangesAsync();
        }
        finally
        {
            _db.DeferDerivedState = true;
        }
    }

    /// <summary>Saves the step's pending changes (events, machines, alert updates) in one save, inside its transaction.</summary>
    internal async Task SaveAsync()
    {
        await _db.SaveChangesAsync();
        await RefreshTouchedAsync();
    }

    // The devices the step's saved changes touched, recomputed (and saved) by the facets each can have moved.
    private async Task RefreshTouchedAsync()
    {
        foreach (var group in _touched.GroupBy(t => t.Value, t => t.Key))
        {
            await _machines.RefreshAsync(group, group.Key, CancellationToken.None);
        }

        _touched.Clear();
    }

    /// <summary>Records the device's state as its alerts, TVM state, events and the clock now make it (e.g. Inactive after seven silent days).</summary>
    /// <param name="machine">The device.</param>
    /// <returns>A task.</returns>
    public async Task RecordMachineStateAsync(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        await SaveAsync(); // still inside the step's transaction: the state is derived from what the step did so far
        var state = (await _machines.RefreshAsync([machine.Id], MachineFacets.All, CancellationToken.None)).Single();
        Record("Machine", state.Id, null, $"{state.ComputerDnsName} risk {state.RiskScore}, health {state.HealthStatus}");
    }

    private void Touch(string? machineId, MachineFacets facets)
    {
        if (machineId is not null)
        {
            _touched[machineId] = _touched.GetValueOrDefault(machineId) | facets;
        }
    }

    /// <summary>Adds what the step did to the run's timeline, once its transaction has committed.</summary>
    internal void Publish()
    {
        foreach (var entry in _pending)
        {
            _run.Record(entry);
        }

        _pending.Clear();
    }

    // Into the step's transaction (the engine opens one per step), through the seeders' prepared bulk insert.
    private void AppendRow(string table, JsonObject columns)
    {
        _db.Database.OpenConnection();
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        _tables.EnsureCreated(connection);
        var transaction = (SqliteTransaction?)_db.Database.CurrentTransaction?.GetDbTransaction();
        HuntingRowWriter.Append(connection, _db.CurrentTenantId.ToString(), table, [columns], transaction);
    }

    private void Record(string kind, string? machineId, string? alertId, string text) => _pending.Add(new ScenarioEvent(Now, _step, kind, machineId, alertId, text));
}

/// <summary>An alert a step raises.</summary>
/// <param name="Title">The title (an open alert with the same title on the device absorbs the event).</param>
/// <param name="Severity"><c>Low</c>, <c>Medium</c> or <c>High</c>.</param>
/// <param name="Category">One of the documented categories.</param>
/// <param name="Description">The description.</param>
/// <param name="DetectionSource">The detection source the alert shows, e.g. <c>WindowsDefenderAv</c>.</param>
/// <param name="ThreatFamily">The threat family, if any.</param>
internal sealed record ScenarioAlert(string Title, string Severity, string Category, string Description, string DetectionSource = "WindowsDefenderAtp", string? ThreatFamily = null)
{
    /// <summary>The recommended action.</summary>
    public string RecommendedAction { get; init; } = "Investigate the device and the process tree; isolate the device if the activity is confirmed.";
}

/// <summary>ReportIds of scenario events: above the demo data's, unique in the process.</summary>
internal static class ScenarioReportIds
{
    private static long _last = 7_000_000_000;

    public static long Next() => Interlocked.Increment(ref _last);
}
