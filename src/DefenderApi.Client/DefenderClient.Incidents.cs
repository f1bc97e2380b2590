using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary>
    /// <c>GET /api/incidents</c> (Defender XDR), most recent first, every page (the service pages by 100). The query
    /// filters on the four properties the service accepts: <see cref="IncidentFilter"/>.
    /// </summary>
    /// <param name="query">Filter on lastUpdateTime, createdTime, status, assignedTo; <c>Top</c> (at most 100), <c>Skip</c>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The incidents with their alerts.</returns>
    public virtual IAsyncEnumerable<Incident> ListIncidentsAsync(ODataQuery<IncidentFilter>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Incident>("incidents", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/incidents/{id}</c> (Defender XDR).</summary>
    /// <param name="incidentId">The incident id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The incident.</returns>
    public virtual Task<Incident> GetIncidentAsync(long incidentId, CancellationToken cancellationToken = default) =>
        GetAsync<Incident>(FormattableString.Invariant($"incidents/{incidentId}"), cancellationToken);

    /// <summary><c>PATCH /api/incidents/{id}</c> (Defender XDR). Not retried after server faults when it adds a comment.</summary>
    /// <param name="incidentId">The incident id.</param>
    /// <param name="update">The properties to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated incident.</returns>
    public virtual Task<Incident> UpdateIncidentAsync(long incidentId, IncidentUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendAsync<Incident>(HttpMethod.Patch, FormattableString.Invariant($"incidents/{incidentId}"), update, idempotent: update.Comment is null, cancellationToken);
    }
}
