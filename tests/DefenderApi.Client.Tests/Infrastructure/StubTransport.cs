using System.Net;
using System.Text;

namespace DefenderApi.Client.Tests.Infrastructure;

/// <summary>A transport test double: answers from a script and records every request it saw.</summary>
internal sealed class StubTransport : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers every request not covered by the script.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    public StubTransport Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public StubTransport Then(HttpStatusCode status, string body = "", string contentType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Then(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            configure?.Invoke(response);
            return response;
        });

    public StubTransport ThenError(string code, int status, string message = "msg", string target = "11111111-2222-3333-4444-555555555555", Action<HttpResponseMessage>? configure = null) =>
        Then((HttpStatusCode)status, Envelope(code, message, target), configure: configure);

    public StubTransport ThenThrow(Exception exception) => Then(_ => throw exception);

    public static string Envelope(string code, string message, string target) =>
        $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}","target":"{{{target}}}"}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.Parameter, request.Headers.UserAgent.ToString(), body));
        var answer = _script.Count > 0 ? _script.Dequeue() : Fallback ?? throw new InvalidOperationException($"No scripted answer for {request.Method} {request.RequestUri}.");
        var response = answer(request);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Token, string UserAgent, string? Body);
