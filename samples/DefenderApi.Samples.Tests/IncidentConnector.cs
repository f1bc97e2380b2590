using DefenderApi.Client;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Samples.Tests;

/// <summary>
/// A SIEM-style incident connector (Defender XDR): each poll asks for the incidents updated since its cursor
/// (<c>$filter=lastUpdateTime gt cursor</c>, following <c>@odata.nextLink</c>), keeps the latest state of each incident
/// and of each alert the incidents carry, and raises one "new incident" notification per incident id.
/// </summary>
/// <remarks>
/// The incident list is newest-created first and its next links skip rows: an incident created during a walk pushes the
/// rows after it down a place, so a walk can read a row twice but never skips one that existed when it started.
/// Versions already seen (same id and <c>lastUpdateTime</c>) are skipped. As for <see cref="AlertConnector"/>, the cursor
/// trails the newest update seen by <paramref name="overlap"/>, which must be longer than the longest walk.
/// </remarks>
/// <param name="client">The client.</param>
/// <param name="start">The instant the connector starts from.</param>
/// <param name="overlap">How far the cursor trails the newest update seen.</param>
public sealed class IncidentConnector(DefenderClient client, DateTimeOffset start, TimeSpan overlap)
{
    private readonly Dictionary<long, Incident> _incidents = [];
    private DateTimeOffset _newest = start;

    /// <summary>Every incident seen, in its latest state.</summary>
    public IReadOnlyDictionary<long, Incident> Incidents => _incidents;

    /// <summary>Every alert seen inside an incident, in the state of the latest incident version that carried it.</summary>
    public IReadOnlyDictionary<string, IncidentAlert> Alerts =>
        _incidents.Values.SelectMany(i => i.Alerts).ToDictionary(a => a.AlertId!, StringComparer.Ordinal);

    /// <summary>The incident ids notified as new, in order (one per incident).</summary>
    public List<long> Notifications { get; } = [];

    /// <summary>One poll: every incident updated since the cursor, page after page.</summary>
    /// <param name="onRow">Called after each row (a test uses it to let the world move during a walk).</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>A task.</returns>
    public async Task PollAsync(Action<int>? onRow = null, CancellationToken cancellationToken = default)
    {
        var cursor = _newest - overlap;
        var query = new ODataQuery<IncidentFilter>().Filter(i => i.LastUpdateTime > cursor);
        var rows = 0;
        await foreach (var incident in client.ListIncidentsAsync(query, cancellationToken))
        {
            onRow?.Invoke(++rows);
            if (_incidents.TryGetValue(incident.IncidentId, out var known) && known.LastUpdateTime == incident.LastUpdateTime)
            {
                continue;
            }

            if (known is null)
            {
                Notifications.Add(incident.IncidentId);
            }

            _incidents[incident.IncidentId] = incident;
            var updated = incident.LastUpdateTime ?? _newest;
            _newest = updated > _newest ? updated : _newest;
        }
    }
}
