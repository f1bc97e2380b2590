using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/investigations</c>, every page.</summary>
    /// <param name="query">Filter (startTime, id, state, machineId, triggeringAlertId), page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The investigations.</returns>
    public virtual IAsyncEnumerable<Investigation> GetInvestigationsAsync(ODataQuery<Investigation>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Investigation>("investigations", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/investigations/{id}</c>.</summary>
    /// <param name="investigationId">The investigation id or its triggering alert id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The investigation.</returns>
    public virtual Task<Investigation> GetInvestigationAsync(string investigationId, CancellationToken cancellationToken = default) =>
        GetAsync<Investigation>($"investigations/{Escape(investigationId)}", cancellationToken);

    /// <summary><c>POST /api/machines/{id}/startInvestigation</c>. Never retried after server faults.</summary>
    /// <param name="machineId">The device id.</param>
    /// <param name="comment">Why (required).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started investigation.</returns>
    public virtual Task<Investigation> StartInvestigationAsync(string machineId, string comment, CancellationToken cancellationToken = default) =>
        SendAsync<Investigation>(HttpMethod.Post, $"machines/{Escape(machineId)}/startInvestigation", new CommentBody(comment), idempotent: false, cancellationToken);
}
