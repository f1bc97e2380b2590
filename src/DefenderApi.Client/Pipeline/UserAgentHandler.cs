using System.Net.Http.Headers;
using System.Reflection;

namespace DefenderApi.Client.Pipeline;

/// <summary>Sends <c>User-Agent: [ApplicationId] DefenderApi.Client/{version} (.NET {runtime})</c>.</summary>
internal sealed class UserAgentHandler(string? applicationId) : DelegatingHandler
{
    private static readonly string ClientVersion =
        typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The header value this handler sends.</summary>
    public string Value { get; } = $"{(string.IsNullOrWhiteSpace(applicationId) ? string.Empty : applicationId + " ")}DefenderApi.Client/{ClientVersion} (.NET {Environment.Version})";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Remove, not UserAgent.Clear(): reading the typed collection parses the header on every request.
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", Value);
        return base.SendAsync(request, cancellationToken);
    }
}
