using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/alerts</c>, every page. <c>Expand(a =&gt; a.Evidence)</c> adds evidence.</summary>
    /// <param name="query">Filter, order, page size, expand.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetAlertsAsync(ODataQuery<Alert>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>("alerts", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/alerts/{id}</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert.</returns>
    public virtual Task<Alert> GetAlertAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetAsync<Alert>($"alerts/{Escape(alertId)}", cancellationToken);

    /// <summary><c>PATCH /api/alerts/{id}</c>. Not retried after server faults: a comment would be added twice.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="update">The properties to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated alert.</returns>
    public virtual Task<Alert> UpdateAlertAsync(string alertId, AlertUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendAsync<Alert>(HttpMethod.Patch, $"alerts/{Escape(alertId)}", update, idempotent: update.Comment is null, cancellationToken);
    }

    /// <summary><c>POST /api/alerts/batchUpdate</c> (answers 200 with an empty body).</summary>
    /// <param name="update">The alerts and the properties to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service accepted the update.</returns>
    public virtual Task BatchUpdateAlertsAsync(AlertBatchUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendNoContentAsync(HttpMethod.Post, "alerts/batchUpdate", update, idempotent: update.Comment is null, cancellationToken);
    }

    /// <summary><c>POST /api/alerts/CreateAlertByReference</c>: an alert on an event found by advanced hunting.</summary>
    /// <param name="request">The event reference and the alert's texts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created (or merged) alert.</returns>
    public virtual Task<Alert> CreateAlertByReferenceAsync(AlertByReference request, CancellationToken cancellationToken = default) =>
        SendAsync<Alert>(HttpMethod.Post, "alerts/CreateAlertByReference", request, idempotent: false, cancellationToken);

    /// <summary><c>GET /api/alerts/{id}/domains</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The domains.</returns>
    public virtual IAsyncEnumerable<AlertDomain> GetAlertDomainsAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<AlertDomain>($"alerts/{Escape(alertId)}/domains", null, cancellationToken);

    /// <summary><c>GET /api/alerts/{id}/files</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The files.</returns>
    public virtual IAsyncEnumerable<DefenderFile> GetAlertFilesAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<DefenderFile>($"alerts/{Escape(alertId)}/files", null, cancellationToken);

    /// <summary><c>GET /api/alerts/{id}/ips</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The IP addresses.</returns>
    public virtual IAsyncEnumerable<AlertIp> GetAlertIpsAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<AlertIp>($"alerts/{Escape(alertId)}/ips", null, cancellationToken);

    /// <summary><c>GET /api/alerts/{id}/machine</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The machine.</returns>
    public virtual Task<Machine> GetAlertMachineAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetAsync<Machine>($"alerts/{Escape(alertId)}/machine", cancellationToken);

    /// <summary><c>GET /api/alerts/{id}/user</c>.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    public virtual Task<DefenderUser> GetAlertUserAsync(string alertId, CancellationToken cancellationToken = default) =>
        GetAsync<DefenderUser>($"alerts/{Escape(alertId)}/user", cancellationToken);
}
