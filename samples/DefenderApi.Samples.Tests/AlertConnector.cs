using DefenderApi.Client;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Samples.Tests;

/// <summary>
/// A SIEM-style alert connector: each poll asks for the alerts updated since its cursor
/// (<c>$filter=lastUpdateTime gt cursor</c>, following <c>@odata.nextLink</c>), keeps the latest state of each alert,
/// and raises one "new alert" notification per alert id, however often the alert changes.
/// </summary>
/// <remarks>
/// The cursor trails the newest <c>lastUpdateTime</c> seen by <paramref name="overlap"/>: an alert read early in a walk
/// and changed before the walk ends has a <c>lastUpdateTime</c> older than the newest one seen, and the overlap brings
/// it back on the next poll. Versions already seen (same id and <c>lastUpdateTime</c>) are skipped, so the overlap
/// costs reads, never duplicates. The overlap must be longer than the longest walk.
/// </remarks>
/// <param name="client">The client.</param>
/// <param name="start">The instant the connector starts from.</param>
/// <param name="overlap">How far the cursor trails the newest update seen.</param>
public sealed class AlertConnector(DefenderClient client, DateTimeOffset start, TimeSpan overlap)
{
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private DateTimeOffset _newest = start;

    /// <summary>Every alert seen, in its latest state.</summary>
    public IReadOnlyDictionary<string, Alert> Alerts => _alerts;

    /// <summary>The ids notified as new, in order (one per alert).</summary>
    public List<string> Notifications { get; } = [];

    /// <summary>How many alert versions the polls processed (new alerts and changes).</summary>
    public int VersionsProcessed { get; private set; }

    /// <summary>One poll: every alert updated since the cursor, page after page.</summary>
    /// <param name="onRow">Called after each row (a test uses it to let the world move during a walk).</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>A task.</returns>
    public async Task PollAsync(Action<int>? onRow = null, CancellationToken cancellationToken = default)
    {
        var cursor = _newest - overlap;
        var query = new ODataQuery<Alert>().Filter(a => a.LastUpdateTime > cursor);
        var rows = 0;
        await foreach (var alert in client.GetAlertsAsync(query, cancellationToken))
        {
            onRow?.Invoke(++rows);
            var updated = alert.LastUpdateTime ?? _newest;
            if (_alerts.TryGetValue(alert.Id!, out var known) && known.LastUpdateTime == alert.LastUpdateTime)
            {
                continue;
            }

            if (known is null)
            {
                Notifications.Add(alert.Id!);
            }

            _alerts[alert.Id!] = alert;
            VersionsProcessed++;
            _newest = updated > _newest ? updated : _newest;
        }
    }
}
