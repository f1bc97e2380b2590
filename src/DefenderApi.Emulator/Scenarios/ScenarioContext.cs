using System.Text.Json.Nodes;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
    private readonly ScenarioRun _run;
    private readonly string _step;

    internal ScenarioContext(EmulatorDbContext db, AlertReferenceService alerts, HuntingTables tables, ScenarioRun run, string step, DateTimeOffset now, Random random)
    {
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
    public async Task<long> EmitAsync(string table, Machine machine, JsonObject columns)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(columns);
        var reportId = ScenarioReportIds.Next();
        columns["Timestamp"] = UtcInstant.Format(Now);
        columns["DeviceId"] = machine.Id;
        columns["DeviceName"] = machine.ComputerDnsName;
        columns["ReportId"] = reportId;
        await _db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        _tables.EnsureCreated(connection);
        HuntingRowWriter.Append(connection, _db.CurrentTenantId.ToString(), table, [columns]);
        machine.LastSeen = Now > machine.LastSeen ? Now : machine.LastSeen;
        await _db.SaveChangesAsync();
        Record(table, machine.Id, null, $"{columns["ActionType"]} on {machine.ComputerDnsName}");
        return reportId;
    }

    /// <summary>
    /// Appends one row to a Defender XDR table that has no device columns (e-mail, identity, cloud-app events):
    /// Timestamp and ReportId are filled. <paramref name="ago"/> places it before the step's instant, as mail and
    /// identity signals arrive before the device event they led to.
    /// </summary>
    /// <param name="table">The hunting table, e.g. <c>EmailEvents</c>.</param>
    /// <param name="columns">The other columns.</param>
    /// <param name="ago">How long before the step's instant the row happened.</param>
    public async Task EmitXdrAsync(string table, JsonObject columns, TimeSpan ago)
    {
        ArgumentNullException.ThrowIfNull(columns);
        columns["Timestamp"] = UtcInstant.Format(Now - ago);
        columns["ReportId"] = ScenarioReportIds.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        _tables.EnsureCreated(connection);
        HuntingRowWriter.Append(connection, _db.CurrentTenantId.ToString(), table, [columns]);
        Record(table, null, null, $"{columns["ActionType"] ?? table}");
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
        }, $"scenario:{_run.Id}", CancellationToken.None);
        var tracked = await _db.Alerts().AsTracking().FirstAsync(a => a.Id == raised.Id);
        tracked.DetectionSource = alert.DetectionSource;
        tracked.ThreatFamilyName = alert.ThreatFamily ?? tracked.ThreatFamilyName;
        await _db.SaveChangesAsync();
        Record("Alert", machine.Id, tracked.Id, $"{alert.Severity} alert '{alert.Title}' on {machine.ComputerDnsName}");
        return tracked;
    }

    /// <summary>Changes an alert (e.g. resolves it) and moves its <c>lastUpdateTime</c>.</summary>
    /// <param name="alertId">The alert.</param>
    /// <param name="change">The change.</param>
    /// <param name="text">What changed, for the timeline.</param>
    public async Task UpdateAlertAsync(string alertId, Action<Alert> change, string text)
    {
        ArgumentNullException.ThrowIfNull(change);
        var alert = await _db.Alerts().AsTracking().FirstAsync(a => a.Id == alertId);
        change(alert);
        alert.LastUpdateTime = Now;
        await _db.SaveChangesAsync();
        Record("AlertUpdated", alert.MachineId, alert.Id, text);
    }

    /// <summary>The alerts this run raised so far.</summary>
    /// <returns>Their ids, in order.</returns>
    public IReadOnlyList<string> RaisedAlerts() =>
        [.. _run.Timeline.Where(e => e.Kind == "Alert" && e.AlertId is not null).Select(e => e.AlertId!).Distinct(StringComparer.Ordinal)];

    /// <summary>Changes a machine (risk, health, address) and records it.</summary>
    /// <param name="machine">The device (tracked).</param>
    /// <param name="change">The change.</param>
    /// <param name="text">What changed, for the timeline.</param>
    public async Task UpdateMachineAsync(Machine machine, Action<Machine> change, string text)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(change);
        change(machine);
        await _db.SaveChangesAsync();
        Record("Machine", machine.Id, null, text);
    }

    private void Record(string kind, string? machineId, string? alertId, string text) => _run.Record(new ScenarioEvent(Now, _step, kind, machineId, alertId, text));
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
