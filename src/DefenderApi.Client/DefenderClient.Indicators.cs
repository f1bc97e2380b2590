using System.Text.Json.Serialization;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/indicators</c>, every page.</summary>
    /// <param name="query">Filter, page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The indicators.</returns>
    public virtual IAsyncEnumerable<Indicator> GetIndicatorsAsync(ODataQuery<Indicator>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<Indicator>("indicators", query?.ToString(), cancellationToken);

    /// <summary><c>POST /api/indicators</c>: submit or update. Idempotent (an upsert of the same indicator).</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created or updated indicator.</returns>
    public virtual Task<Indicator> SubmitIndicatorAsync(IndicatorSubmission indicator, CancellationToken cancellationToken = default) =>
        SendAsync<Indicator>(HttpMethod.Post, "indicators", indicator, idempotent: true, cancellationToken);

    /// <summary><c>POST /api/indicators/import</c> (at most 500). Idempotent (an upsert).</summary>
    /// <param name="indicators">The indicators.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per indicator.</returns>
    public virtual Task<IReadOnlyList<IndicatorImportResult>> ImportIndicatorsAsync(IEnumerable<IndicatorSubmission> indicators, CancellationToken cancellationToken = default) =>
        ListAsync<IndicatorImportResult>(HttpMethod.Post, "indicators/import", new ImportBody([.. indicators]), idempotent: true, cancellationToken);

    /// <summary><c>DELETE /api/indicators/{id}</c>. Not retried after server faults: a repeat of a delete that took effect answers 404.</summary>
    /// <param name="indicatorId">The indicator id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when deleted.</returns>
    public virtual Task DeleteIndicatorAsync(string indicatorId, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, $"indicators/{Escape(indicatorId)}", null, idempotent: false, cancellationToken);

    /// <summary><c>POST /api/indicators/BatchDelete</c> (at most 500 ids).</summary>
    /// <param name="indicatorIds">The indicator ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when deleted.</returns>
    public virtual Task BatchDeleteIndicatorsAsync(IEnumerable<string> indicatorIds, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, "indicators/BatchDelete", new BatchDeleteBody([.. indicatorIds]), idempotent: false, cancellationToken);

    private sealed record ImportBody([property: JsonPropertyName("Indicators")] IReadOnlyList<IndicatorSubmission> Indicators);

    private sealed record BatchDeleteBody([property: JsonPropertyName("IndicatorIds")] IReadOnlyList<string> IndicatorIds);
}
