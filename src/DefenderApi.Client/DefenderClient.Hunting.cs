using System.Text.Json.Serialization;
using DefenderApi.Client.Models;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>POST /api/advancedqueries/run</c>. Idempotent (a read), so retried after server faults.</summary>
    /// <param name="query">The KQL query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schema and rows.</returns>
    public virtual Task<AdvancedQueryResult> RunAdvancedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return SendAsync<AdvancedQueryResult>(HttpMethod.Post, "advancedqueries/run", new QueryBody(query), idempotent: true, cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/advancedhunting/run</c> (Defender XDR): the device tables and the email, identity and cloud app
    /// tables, with the full <c>Stats</c> block. Needs <c>AdvancedHunting.Read.All</c>. Retried after server faults.
    /// </summary>
    /// <param name="query">The KQL query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics, schema and rows.</returns>
    public virtual Task<AdvancedQueryResult> RunXdrHuntingQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return SendAsync<AdvancedQueryResult>(HttpMethod.Post, "advancedhunting/run", new QueryBody(query), idempotent: true, cancellationToken);
    }

    private sealed record QueryBody([property: JsonPropertyName("Query")] string Query);
}
