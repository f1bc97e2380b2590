using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Hosting;

/// <summary>
/// Requests at the edge of HTTP, sent as raw bytes to the emulator on real Kestrel. What the application can see is
/// answered with the envelope; what Kestrel refuses before any application code runs is exactly the list in
/// docs/fidelity.md, each a bare status.
/// </summary>
public sealed class TransportRejectionTests : IClassFixture<TransportRejectionTests.KestrelFactory>
{
    private readonly KestrelFactory _factory;

    public TransportRejectionTests(KestrelFactory factory) => _factory = factory;

    /// <summary>The emulator on Kestrel, on a free loopback port.</summary>
    public sealed class KestrelFactory : EmulatorFactory
    {
        public KestrelFactory()
        {
            Settings["urls"] = "http://127.0.0.1:0";
            UseKestrel();
        }

        public async Task<Uri> AddressAsync()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var address = new Uri(addresses.First());
            using var client = new HttpClient { BaseAddress = address };
            for (var attempt = 0; attempt < 600; attempt++)
            {
                using var health = await client.GetAsync("/_emulator/health");
                if (health.IsSuccessStatusCode)
                {
                    return address;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("The emulator did not become ready.");
        }
    }

    private sealed record RawAnswer(int Status, string Head, string Body);

    private async Task<RawAnswer> SendAsync(byte[] request)
    {
        var address = await _factory.AddressAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // Kestrel may answer and close before it has read everything we send.
        }

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer);
        }
        catch (IOException)
        {
            // A reset after the answer.
        }

        var text = Encoding.Latin1.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no HTTP answer: '{text}'");
        var head = text[..split];
        return new RawAnswer(int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), head, text[(split + 4)..]);
    }

    private static byte[] Request(string target, string extraHeaders = "") =>
        Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{extraHeaders}\r\n");

    private static void AssertEnvelope(RawAnswer answer, int status, string code)
    {
        Assert.Equal(status, answer.Status);
        using var json = JsonDocument.Parse(answer.Body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.True(Guid.TryParse(error.GetProperty("target").GetString(), out _));
    }

    private static void AssertBare(RawAnswer answer, int status)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(string.Empty, answer.Body);
        Assert.Contains("Content-Length: 0", answer.Head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over100Headers_Returns400Envelope_NamingTheLimit()
    {
        var headers = string.Concat(Enumerable.Range(0, 101).Select(i => $"x-h{i}: v\r\n"));

        var answer = await SendAsync(Request("/api/machines", headers));

        AssertEnvelope(answer, 400, "BadRequest");
        Assert.Contains("the limit is 100", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLineOver8KB_Returns400Envelope_NamingTheLimit()
    {
        var answer = await SendAsync(Request($"/api/machines?$filter={new string('a', 8200)}"));

        AssertEnvelope(answer, 400, "BadRequest");
        Assert.Contains("the limit is 8192 bytes", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMegabyteHeader_Returns400Envelope()
    {
        var answer = await SendAsync(Request("/api/machines", $"x-big: {new string('a', 1024 * 1024)}\r\n"));

        AssertEnvelope(answer, 400, "BadRequest");
    }

    [Fact]
    public async Task NonAsciiBytesInAuthorization_Returns401Envelope()
    {
        var request = Encoding.Latin1.GetBytes("GET /api/machines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer \u00e9\u00ff\u0080\r\n\r\n");

        var answer = await SendAsync(request);

        AssertEnvelope(answer, 401, "Unauthorized");
    }

    // The documented list (docs/fidelity.md, "Transport-level rejections"): Kestrel answers before any application code.
    public static TheoryData<string, byte[], int> BareRejections => new()
    {
        { "NUL in the path", Request("/api/machines/%00"), 400 },
        { "not HTTP", Encoding.ASCII.GetBytes("HELLO THERE\r\n\r\n"), 400 },
        { "no Host header", Encoding.ASCII.GetBytes("GET /api/machines HTTP/1.1\r\nConnection: close\r\n\r\n"), 400 },
        { "malformed header line", Encoding.ASCII.GetBytes("GET /api/machines HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n"), 400 },
        { "request line over 64 KiB", Request($"/api/machines?$filter={new string('a', 65 * 1024)}"), 414 },
        { "over 1,000 headers", Request("/api/machines", string.Concat(Enumerable.Range(0, 1001).Select(i => $"x-h{i}: v\r\n"))), 431 },
        { "headers over 2 MiB", Request("/api/machines", $"x-big: {new string('a', (2 * 1024 * 1024) + 1)}\r\n"), 431 },
    };

    [Theory]
    [MemberData(nameof(BareRejections))]
    public async Task KestrelRejection_BeforeAnyApplicationCode_IsTheDocumentedBareStatus(string what, byte[] request, int status)
    {
        Assert.NotEmpty(what);

        var answer = await SendAsync(request);

        AssertBare(answer, status);
    }
}
