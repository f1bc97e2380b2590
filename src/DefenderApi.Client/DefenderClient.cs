using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using DefenderApi.Client.Pipeline;
using DefenderApi.Client.Serialization;

namespace DefenderApi.Client;

/// <summary>
/// The Microsoft Defender for Endpoint API client. One instance per endpoint and credential; thread-safe; reuse it.
/// Every error answer surfaces as <see cref="DefenderRequestFailedException"/>; throttled, failed and unauthorized
/// answers are retried per docs/client.md.
/// </summary>
public partial class DefenderClient
{
    private readonly HttpClient _http;
    private readonly Uri _apiRoot;
    private readonly DefenderClientOptions _options;

    /// <summary>Creates a client with default options.</summary>
    /// <param name="endpoint">The API host, e.g. <see cref="DefenderEndpoints.Default"/>.</param>
    /// <param name="credential">Gets tokens for <see cref="DefenderClientOptions.Scope"/>.</param>
    public DefenderClient(Uri endpoint, TokenCredential credential)
        : this(endpoint, credential, new DefenderClientOptions())
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="endpoint">The API host, e.g. <see cref="DefenderEndpoints.Default"/>.</param>
    /// <param name="credential">Gets tokens for <see cref="DefenderClientOptions.Scope"/>.</param>
    /// <param name="options">The settings.</param>
    public DefenderClient(Uri endpoint, TokenCredential credential, DefenderClientOptions options)
        : this(endpoint, CreateHttpClient(credential, options), options)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers already form the pipeline (dependency injection).</summary>
    internal DefenderClient(Uri endpoint, HttpClient pipeline, DefenderClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = pipeline;
        _options = options;
        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _apiRoot = new Uri(root, options.ApiVersion == DefenderApiVersion.V1_0 ? "api/v1.0/" : "api/");
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected DefenderClient()
    {
        _http = null!;
        _apiRoot = null!;
        _options = new DefenderClientOptions();
    }

    private static HttpClient CreateHttpClient(TokenCredential credential, DefenderClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new HttpClient(DefenderPipeline.Create(credential, options, options.Transport ?? new SocketsHttpHandler()));
    }

    // Concatenated rather than resolved against the root: every path is relative below it, and resolving a Uri
    // (combine, compress, reparse) was a tenth of an in-process call.
    private Uri Url(string relativePath) => new(_apiRoot.AbsoluteUri + relativePath, UriKind.Absolute);

    private static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool idempotent, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, Url(path), body is null ? null : JsonContent.Create(body, body.GetType(), options: DefenderJson.Options), idempotent, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendNoContentAsync(HttpMethod method, string path, object? body, bool idempotent, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, Url(path), body is null ? null : JsonContent.Create(body, body.GetType(), options: DefenderJson.Options), idempotent, cancellationToken).ConfigureAwait(false);
    }

    private Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, idempotent: true, cancellationToken);

    /// <summary>Sends a request through the pipeline; a non-success answer becomes the exception.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, Uri url, HttpContent? content, bool idempotent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content }.WithIdempotency(idempotent);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAnswer.ToExceptionAsync(response, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(DefenderJson.Options, cancellationToken).ConfigureAwait(false);
        return value ?? throw new DefenderRequestFailedException(
            (int)response.StatusCode, null, "The service answered with an empty body where an entity was expected.", null, null, string.Empty);
    }

    /// <summary>
    /// Every entity of a collection, following <c>@odata.nextLink</c> to the last page. Pages are fetched lazily
    /// as the caller enumerates. Bare JSON arrays (some related-entity endpoints) are read as one page.
    /// </summary>
    private async IAsyncEnumerable<T> GetCollectionAsync<T>(string path, string? query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = Url(path + query);
        while (next is not null)
        {
            CollectionPage<T> page;
            using (var response = await SendRawAsync(HttpMethod.Get, next, null, idempotent: true, cancellationToken).ConfigureAwait(false))
            {
                page = await response.Content.ReadFromJsonAsync<CollectionPage<T>>(DefenderJson.Options, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The service answered a collection with null.");
            }

            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.NextLink is { Length: > 0 } href ? new Uri(next, href) : null;
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(HttpMethod method, string path, object? body, bool idempotent, CancellationToken cancellationToken)
    {
        var page = await SendAsync<ValuePage<T>>(method, path, body, idempotent, cancellationToken).ConfigureAwait(false);
        return page.Value ?? [];
    }

    private sealed record ValuePage<T>(IReadOnlyList<T>? Value);
}
