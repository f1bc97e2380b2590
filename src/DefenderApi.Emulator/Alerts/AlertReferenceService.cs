using System.Globalization;
using System.Security.Cryptography;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>
/// Creates alerts from an event (<see href="https://learn.microsoft.com/defender-endpoint/api/create-alert-by-reference">Create alert from event API</see>): the device and the event (device, report id, time)
/// must exist; an open alert on the same device with the same title absorbs the new one; a new alert takes its
/// evidence from the event, and an automated investigation starts on it.
/// </summary>
internal sealed class AlertReferenceService(EmulatorDbContext db, TimeProvider time, IAlertEventSource events, IEnumerable<IAlertCreatedHandler> handlers)
{
    /// <summary>The severities the page allows (narrower than the alert entity's).</summary>
    public static readonly string[] Severities = ["Low", "Medium", "High"];

    /// <summary>The 16 documented categories.</summary>
    public static readonly string[] Categories =
    [
        "General", "CommandAndControl", "Collection", "CredentialAccess", "DefenseEvasion", "Discovery", "Exfiltration",
        "Exploit", "Execution", "InitialAccess", "LateralMovement", "Malware", "Persistence", "PrivilegeEscalation",
        "Ransomware", "SuspiciousActivity",
    ];

    /// <summary>Creates (or merges into) an alert.</summary>
    /// <param name="actor">The caller.</param>
    /// <returns>The new or absorbing alert.</returns>
    /// <exception cref="DefenderErrorException">Bad values, or the device or the event is unknown.</exception>
    public Task<Alert> CreateAsync(CreateAlertByReferenceRequest request, string actor, CancellationToken cancellationToken) =>
        CreateAsync(request, actor, null, cancellationToken);

    /// <summary>Creates (or merges into) an alert, with what the producer knows beyond the request set before it is stored.</summary>
    /// <param name="request">The request.</param>
    /// <param name="actor">The caller.</param>
    /// <param name="stamp">Sets more of the alert (e.g. a scenario's detection source) before the save that stores it, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new or absorbing alert.</returns>
    /// <exception cref="DefenderErrorException">Bad values, or the device or the event is unknown.</exception>
    public async Task<Alert> CreateAsync(CreateAlertByReferenceRequest request, string actor, Action<Alert>? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var severity = Require(request.Severity, "severity", Severities);
        var category = Require(request.Category, "category", Categories);
        if (!DateTimeOffset.TryParse(request.EventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var eventTime))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{request.EventTime}' for eventTime; expected an ISO 8601 UTC time"));
        }

        if (!long.TryParse(request.ReportId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var reportId))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{request.ReportId}' for reportId; report ids are numbers"));
        }

        var machine = await db.Machines().FirstOrDefaultAsync(m => m.Id == request.MachineId, cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Machine", request.MachineId));
        var evidence = await events.FindEvidenceAsync(machine.Id, reportId, eventTime, cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound(
                "Event", string.Create(CultureInfo.InvariantCulture, $"with reportId {reportId} at {eventTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'} on machine {machine.Id}")));
        var now = time.GetUtcNow();

        var open = await db.Alerts().AsTracking()
            .FirstOrDefaultAsync(a => a.MachineId == machine.Id && a.Title == request.Title && a.Status != AlertStatus.Resolved, cancellationToken);
        if (open is not null)
        {
            open.LastEventTime = open.LastEventTime is { } last && last > eventTime ? last : eventTime;
            open.LastUpdateTime = now;
            stamp?.Invoke(open);
            await db.SaveChangesAsync(cancellationToken);
            return open;
        }

        var alert = new Alert
        {
            TenantId = db.CurrentTenantId,
            Id = NewId(now),
            Title = request.Title,
            Description = request.Description,
            RecommendedAction = request.RecommendedAction,
            Severity = Enum.Parse<AlertSeverity>(severity),
            Category = category,
            Status = AlertStatus.New,
            DetectionSource = "CustomDetection",
            AlertCreationTime = now,
            FirstEventTime = eventTime,
            LastEventTime = eventTime,
            LastUpdateTime = now,
            MachineId = machine.Id,
            ComputerDnsName = machine.ComputerDnsName,
            RbacGroupName = machine.RbacGroupName,
            AadTenantId = db.CurrentTenantId.ToString(),
            Comments = [new AlertComment { Comment = $"Created by reference to report {request.ReportId}", CreatedBy = actor, CreatedTime = now }],
        };
        alert.Evidence = [.. evidence.Select((item, sequence) =>
        {
            item.TenantId = alert.TenantId;
            item.AlertId = alert.Id;
            item.Sequence = sequence;
            item.Host = AlertEvidence.HostOf(item.Url);
            return item;
        })];
        stamp?.Invoke(alert);
        db.Add(alert);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var handler in handlers)
        {
            await handler.AlertCreatedAsync(alert, machine, cancellationToken);
        }

        return alert;
    }

    /// <summary>A new alert id in the documented form <c>da{ticks}_{number}</c>.</summary>
    /// <param name="now">The creation time.</param>
    /// <returns>The id.</returns>
    public static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"da{now.UtcTicks}_{RandomNumberGenerator.GetInt32(int.MaxValue)}");

    private static string Require(string value, string parameter, string[] allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
        ?? throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{value}' for {parameter}; allowed values: {string.Join(", ", allowed)}"));
}

/// <summary>Reacts to an alert created through the API (e.g. by starting an automated investigation).</summary>
internal interface IAlertCreatedHandler
{
    /// <summary>Called after the alert is stored.</summary>
    /// <param name="alert">The alert (tracked).</param>
    /// <param name="machine">Its device.</param>
    Task AlertCreatedAsync(Alert alert, Machine machine, CancellationToken cancellationToken);
}

/// <summary>Finds the event an alert is created by reference to (advanced hunting's event tables).</summary>
internal interface IAlertEventSource
{
    /// <summary>Finds the tenant's event with this device, report id and exact time.</summary>
    /// <param name="machineId">The device.</param>
    /// <param name="reportId">The event's report id.</param>
    /// <param name="eventTime">The event's time.</param>
    /// <returns>The alert evidence the event shows (new, unattached items), or <see langword="null"/> when there is no such event.</returns>
    Task<IReadOnlyList<AlertEvidence>?> FindEvidenceAsync(string machineId, long reportId, DateTimeOffset eventTime, CancellationToken cancellationToken);
}
