using DefenderApi.Emulator.Alerts;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// The one place where alerts become incidents. Every path that writes alerts reaches it: alerts saved through a
/// context (create by reference, alert updates, the admin data load, any future producer that adds an
/// <see cref="Alert"/> and saves) through <see cref="IncidentAssignmentInterceptor"/>, which calls
/// <see cref="IncidentSync.ApplyAsync"/>; the demo seeder, which bulk-inserts, through <see cref="AssignBatch"/>.
/// <para>
/// The grouping rule (docs/fidelity.md): an alert without an incident joins an open incident (status <c>Active</c> or
/// <c>InProgress</c>) created no more than <see cref="Window"/> before the alert and not after it, that already holds
/// an alert on the same device or with the same threat family; when several qualify, the most recently created one.
/// Otherwise it opens a new incident. An alert that names its incident (admin data) joins that incident, which is
/// created when it does not exist.
/// </para>
/// <para>
/// What follows from the alerts (<see cref="Derive"/>): the created time is the earliest alert's creation time; the
/// last update time is the latest of the incident's own update and its alerts' updates; the severity is the highest
/// of the unresolved alerts (of all alerts once every one is resolved); the name and the detection source summarise
/// the alerts; an incident whose alerts are all resolved is resolved, and a resolved incident with an unresolved
/// alert is active again (a redirected incident keeps its status).
/// </para>
/// </summary>
internal static class IncidentAssignment
{
    /// <summary>How long after an incident's creation an alert may still join it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The first incident id of a tenant.</summary>
    public const long FirstId = 1;

    /// <summary>The detection source of an incident whose alerts come from more than one source.</summary>
    public const string MultipleSources = "MultipleSources";

    /// <summary>
    /// Assigns a batch of new alerts (not yet stored) to incidents by the grouping rule, setting each alert's
    /// <see cref="Alert.IncidentId"/>, and returns the incidents created, derived from their alerts.
    /// </summary>
    /// <param name="alerts">The alerts; those that already name an incident keep it.</param>
    /// <param name="nextId">The id of the first incident to create.</param>
    /// <returns>The new incidents.</returns>
    public static IReadOnlyList<Incident> AssignBatch(Guid tenantId, IReadOnlyList<Alert> alerts, long nextId)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var book = new IncidentBook([]);
        var created = book.Assign(tenantId, alerts, () => nextId++);
        foreach (var incident in created)
        {
            Derive(incident, book.AlertsOf(incident.IncidentId));
        }

        return created;
    }

    /// <summary>Sets what follows from the incident's alerts (see the class remarks).</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="alerts">Every alert of the incident (at least one).</param>
    public static void Derive(Incident incident, IReadOnlyCollection<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            throw new ArgumentException("An incident has at least one alert.", nameof(alerts));
        }

        var ordered = alerts.OrderBy(a => a.AlertCreationTime).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        incident.CreatedTime = ordered[0].AlertCreationTime;
        var lastAlertUpdate = alerts.Max(a => a.LastUpdateTime);
        incident.LastUpdateTime = Max(Max(incident.LastUpdateTime, lastAlertUpdate), incident.CreatedTime);

        var open = alerts.Where(a => a.Status != AlertStatus.Resolved).ToList();
        incident.Severity = (open.Count > 0 ? open : alerts).Max(a => a.Severity);
        var sources = alerts.Select(a => a.DetectionSource).Distinct(StringComparer.Ordinal).ToList();
        incident.DetectionSource = sources.Count == 1 ? sources[0] : MultipleSources;
        incident.IncidentName = Name(ordered);
        incident.Status = incident.Status switch
        {
            IncidentStatus.Redirected => IncidentStatus.Redirected,
            _ when open.Count == 0 => IncidentStatus.Resolved,
            IncidentStatus.Resolved => IncidentStatus.Active,
            var status => status,
        };
    }

    // "'Mimikatz' hacktool was detected on one endpoint" (the list page's example); several detections:
    // "Multi-stage incident involving Execution & Persistence on 2 endpoints".
    private static string Name(List<Alert> ordered)
    {
        var devices = ordered.Select(a => a.MachineId).Distinct(StringComparer.Ordinal).Count();
        var where = devices == 1 ? "on one endpoint" : $"on {devices} endpoints";
        var titles = ordered.Select(a => a.Title).Distinct(StringComparer.Ordinal).ToList();
        if (titles.Count == 1)
        {
            return $"{titles[0]} {where}";
        }

        var categories = ordered.Select(a => a.Category).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return $"Multi-stage incident involving {string.Join(" & ", categories)} {where}";
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>
/// The open incidents new alerts may join, indexed by what the grouping rule compares (each device and threat family
/// an incident holds alerts of, the incidents of each key in creation order), and the alerts of each incident seen so
/// far. An alert looks only at the incidents of its own device and family created in the window before it, so a
/// batch of 100,000 demo alerts is grouped in one pass.
/// </summary>
internal sealed class IncidentBook
{
    private readonly Dictionary<long, List<Alert>> _alerts = [];
    private readonly Dictionary<string, List<Incident>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<(string Key, long IncidentId)> _indexed = [];

    /// <summary>Starts from the open incidents with their stored alerts.</summary>
    /// <param name="open">Open incidents with their alerts.</param>
    public IncidentBook(IEnumerable<(Incident Incident, IReadOnlyList<Alert> Alerts)> open)
    {
        foreach (var (incident, alerts) in open.OrderBy(o => o.Incident.CreatedTime))
        {
            _alerts[incident.IncidentId] = [.. alerts];
            foreach (var alert in alerts)
            {
                Index(incident, alert);
            }
        }
    }

    /// <summary>The alerts of an incident, stored and newly assigned.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The alerts.</returns>
    public IReadOnlyList<Alert> AlertsOf(long incidentId) => _alerts.TryGetValue(incidentId, out var alerts) ? alerts : [];

    /// <summary>Assigns alerts without an incident by the rule (oldest first), creating incidents with ids from <paramref name="nextId"/>.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="nextId">Hands out new incident ids.</param>
    /// <returns>The incidents created.</returns>
    public List<Incident> Assign(Guid tenantId, IEnumerable<Alert> alerts, Func<long> nextId)
    {
        var created = new List<Incident>();
        foreach (var alert in alerts.OrderBy(a => a.AlertCreationTime).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            if (alert.IncidentId is { } named)
            {
                Members(named).Add(alert);
                continue;
            }

            var incident = Keys(alert).Select(Latest).Where(i => i is not null).MaxBy(i => i!.CreatedTime);
            if (incident is null)
            {
                incident = new Incident { TenantId = tenantId, IncidentId = nextId(), CreatedTime = alert.AlertCreationTime, Status = IncidentStatus.Active };
                created.Add(incident);
            }

            alert.IncidentId = incident.IncidentId;
            Members(incident.IncidentId).Add(alert);
            Index(incident, alert);

            Incident? Latest(string key)
            {
                if (!_byKey.TryGetValue(key, out var incidents))
                {
                    return null;
                }

                for (var i = incidents.Count - 1; i >= 0; i--)
                {
                    var age = alert.AlertCreationTime - incidents[i].CreatedTime;
                    if (age > IncidentAssignment.Window)
                    {
                        break;
                    }

                    if (age >= TimeSpan.Zero)
                    {
                        return incidents[i];
                    }
                }

                return null;
            }
        }

        return created;
    }

    private List<Alert> Members(long incidentId)
    {
        if (!_alerts.TryGetValue(incidentId, out var members))
        {
            _alerts[incidentId] = members = [];
        }

        return members;
    }

    // Keeps each key's incidents in creation order (new incidents usually come last).
    private void Index(Incident incident, Alert alert)
    {
        foreach (var key in Keys(alert))
        {
            if (!_byKey.TryGetValue(key, out var incidents))
            {
                _byKey[key] = incidents = [];
            }

            if (!_indexed.Add((key, incident.IncidentId)))
            {
                continue;
            }

            var at = incidents.FindLastIndex(i => i.CreatedTime <= incident.CreatedTime) + 1;
            incidents.Insert(at, incident);
        }
    }

    // An alert is related to the incidents that hold an alert on the same device or with the same threat family.
    private static IEnumerable<string> Keys(Alert alert) =>
        alert.ThreatFamilyName is { } family ? ["device:" + alert.MachineId, "family:" + family] : ["device:" + alert.MachineId];
}
