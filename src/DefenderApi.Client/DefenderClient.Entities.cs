using DefenderApi.Client.Models;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/files/{id}</c>.</summary>
    /// <param name="fileHash">SHA-1 or SHA-256.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    public virtual Task<DefenderFile> GetFileAsync(string fileHash, CancellationToken cancellationToken = default) =>
        GetAsync<DefenderFile>($"files/{Escape(fileHash)}", cancellationToken);

    /// <summary><c>GET /api/files/{id}/stats</c>.</summary>
    /// <param name="fileHash">SHA-1 or SHA-256.</param>
    /// <param name="lookBackHours">Hours to look back (at most 720); the service's default (30 days) when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    public virtual Task<FileStats> GetFileStatsAsync(string fileHash, int? lookBackHours = null, CancellationToken cancellationToken = default) =>
        GetAsync<FileStats>($"files/{Escape(fileHash)}/stats{LookBack(lookBackHours)}", cancellationToken);

    /// <summary><c>GET /api/files/{id}/alerts</c> (SHA-1 only; an unknown file gives an empty list).</summary>
    /// <param name="sha1">The SHA-1.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetFileAlertsAsync(string sha1, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>($"files/{Escape(sha1)}/alerts", null, cancellationToken);

    /// <summary><c>GET /api/files/{id}/machines</c> (SHA-1 only).</summary>
    /// <param name="sha1">The SHA-1.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> GetFileMachinesAsync(string sha1, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>($"files/{Escape(sha1)}/machines", null, cancellationToken);

    /// <summary><c>GET /api/ips/{ip}/alerts</c>.</summary>
    /// <param name="ip">The IP address.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetIpAlertsAsync(string ip, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>($"ips/{Escape(ip)}/alerts", null, cancellationToken);

    /// <summary><c>GET /api/ips/{ip}/stats</c>.</summary>
    /// <param name="ip">The IP address.</param>
    /// <param name="lookBackHours">Hours to look back (at most 720).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    public virtual Task<IpStats> GetIpStatsAsync(string ip, int? lookBackHours = null, CancellationToken cancellationToken = default) =>
        GetAsync<IpStats>($"ips/{Escape(ip)}/stats{LookBack(lookBackHours)}", cancellationToken);

    /// <summary><c>GET /api/domains/{domain}/alerts</c>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetDomainAlertsAsync(string domain, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>($"domains/{Escape(domain)}/alerts", null, cancellationToken);

    /// <summary><c>GET /api/domains/{domain}/machines</c> (at most 500).</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> GetDomainMachinesAsync(string domain, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>($"domains/{Escape(domain)}/machines", null, cancellationToken);

    /// <summary><c>GET /api/domains/{domain}/stats</c>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="lookBackHours">Hours to look back (at most 720).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    public virtual Task<DomainStats> GetDomainStatsAsync(string domain, int? lookBackHours = null, CancellationToken cancellationToken = default) =>
        GetAsync<DomainStats>($"domains/{Escape(domain)}/stats{LookBack(lookBackHours)}", cancellationToken);

    /// <summary><c>GET /api/users/{id}/alerts</c>.</summary>
    /// <param name="userName">The user name (not the UPN).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The alerts.</returns>
    public virtual IAsyncEnumerable<Alert> GetUserAlertsAsync(string userName, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Alert>($"users/{Escape(userName)}/alerts", null, cancellationToken);

    /// <summary><c>GET /api/users/{id}/machines</c>.</summary>
    /// <param name="userName">The user name (not the UPN).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The machines.</returns>
    public virtual IAsyncEnumerable<Machine> GetUserMachinesAsync(string userName, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Machine>($"users/{Escape(userName)}/machines", null, cancellationToken);

    private static string LookBack(int? hours) => hours is { } h ? $"?lookBackHours={Invariant(h)}" : string.Empty;
}
