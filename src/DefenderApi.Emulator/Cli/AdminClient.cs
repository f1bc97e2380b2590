using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Admin;

namespace DefenderApi.Emulator.Cli;

/// <summary>A failed call to a running emulator, with what to tell the user.</summary>
internal sealed class CliFailureException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public CliFailureException()
        : base("The command failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public CliFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CliFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Talks to a running emulator's admin API and token endpoint.</summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Connects to <paramref name="emulator"/>, sending <paramref name="adminKey"/> when given.</summary>
    /// <param name="emulator">The emulator's root URL.</param>
    /// <param name="adminKey">The admin key, or <see langword="null"/>.</param>
    /// <param name="handler">The HTTP handler (tests pass an in-process one), or <see langword="null"/>.</param>
    public AdminClient(Uri emulator, string? adminKey, HttpMessageHandler? handler)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = emulator;
        if (!string.IsNullOrEmpty(adminKey))
        {
            _http.DefaultRequestHeaders.Add(AdminAccessFilter.HeaderName, adminKey);
        }
    }

    /// <summary>Sends an admin call and returns the JSON answer (or <see langword="null"/> for 204).</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path, e.g. <c>/_emulator/reset</c>.</param>
    /// <param name="body">A body to send as JSON, or <see langword="null"/>.</param>
    /// <exception cref="CliFailureException">The emulator refused the call or cannot be reached.</exception>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliFailureException($"No emulator answered at {_http.BaseAddress}: {ex.Message}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliFailureException($"{method} {path} answered {(int)response.StatusCode}: {Describe(text)}");
            }

            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Gets a client-credentials token from the emulator's v2 token endpoint.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The access token.</returns>
    public async Task<string> GetTokenAsync(Guid tenantId, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        });
        var answer = await SendAsync(HttpMethod.Post, $"/{tenantId}/oauth2/v2.0/token", form, cancellationToken);
        return answer?.GetProperty("access_token").GetString() ?? throw new CliFailureException("The token endpoint answered without a token.");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // The envelope's code and message, Entra's error_description, or the raw text.
    private static string Describe(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return $"{error.GetProperty("code").GetString()}: {error.GetProperty("message").GetString()}";
            }

            return root.TryGetProperty("error_description", out var description) ? description.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
