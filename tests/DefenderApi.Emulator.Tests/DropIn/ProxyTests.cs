using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>
/// The HTTP port as an intercepting proxy: CONNECT to Microsoft's hosts reaches the emulator through TLS with a
/// certificate of its root; anything else is refused, and nothing a client sends takes the server down.
/// </summary>
public sealed class ProxyTests(DropInFactory emulator) : IClassFixture<DropInFactory>
{
    private async Task<HttpClient> ProxiedClientAsync()
    {
        await emulator.StartAsync();
        return new HttpClient(emulator.CreateProxiedHandler());
    }

    private async Task<string> TokenThroughTheProxyAsync(HttpClient client)
    {
        using var response = await client.PostAsync($"https://login.microsoftonline.com/{DefaultTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DefaultTenant.ClientId,
            ["client_secret"] = DefaultTenant.ClientSecret,
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task Connect_ToMicrosoftsApiHost_ReachesTheApi_WithHttpsLinks_AndIsJournaled()
    {
        using var client = await ProxiedClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenThroughTheProxyAsync(client));

        using var response = await client.GetAsync("https://api.securitycenter.microsoft.com/api/indicators");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://api.securitycenter.microsoft.com/api/$metadata#Indicators", body.RootElement.GetProperty("@odata.context").GetString());
        Assert.Contains("\"path\":\"/api/indicators\"", await emulator.JournalAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ToTheSignInHost_ServesOpenIdMetadataNamingThatHost()
    {
        using var client = await ProxiedClientAsync();

        using var metadata = JsonDocument.Parse(await client.GetStringAsync($"https://login.microsoftonline.com/{DefaultTenant.TenantId}/v2.0/.well-known/openid-configuration"));

        Assert.Equal($"https://login.microsoftonline.com/{DefaultTenant.TenantId}/oauth2/v2.0/token", metadata.RootElement.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Connect_ToAHostTheEmulatorDoesNotServe_Is502WithOneLineNamingIt_AndNoConnectionLeaves()
    {
        await emulator.StartAsync();
        using var elsewhere = new TcpListener(IPAddress.Loopback, 0);
        elsewhere.Start();
        var port = ((IPEndPoint)elsewhere.LocalEndpoint).Port;

        var (head, body) = await RawAsync($"CONNECT 127.0.0.1:{port} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        var (exampleHead, exampleBody) = await RawAsync("CONNECT www.example.com:443 HTTP/1.1\r\nHost: www.example.com:443\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502 Bad Gateway", head, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", body, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 502 Bad Gateway", exampleHead, StringComparison.Ordinal);
        Assert.Single(exampleBody.TrimEnd('\n').Split('\n'));
        Assert.Contains("www.example.com:443", exampleBody, StringComparison.Ordinal);
        Assert.False(elsewhere.Pending());
    }

    [Theory]
    [InlineData("CONNECT :443 HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT api.securitycenter.microsoft.com HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT api.securitycenter.microsoft.com:99999 HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT a b c HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT [::1:443 HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT api.securitycenter.microsoft.com:443 HTTP/9\r\n\r\n")]
    public async Task MalformedConnect_Is400_AndTheServerKeepsServing(string request)
    {
        await emulator.StartAsync();

        var (head, body) = await RawAsync(request);

        Assert.StartsWith("HTTP/1.1 400 Bad Request", head, StringComparison.Ordinal);
        Assert.StartsWith("Bad CONNECT request:", body, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Handshake_WithAServerNameTheEmulatorDoesNotServe_FailsWithoutACertificate_AndTheServerKeepsServing()
    {
        await emulator.StartAsync();
        using var socket = await ConnectedAsync();
        await using var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("CONNECT api.securitycenter.microsoft.com:443 HTTP/1.1\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 200", await ReadHeadAsync(stream), StringComparison.Ordinal);
        X509CertificateSeen? seen = null;
        await using var tls = new SslStream(stream, leaveInnerStreamOpen: true, (_, certificate, _, _) =>
        {
            seen = new X509CertificateSeen(certificate?.Subject);
            return true;
        });

        await Assert.ThrowsAnyAsync<Exception>(() => tls.AuthenticateAsClientAsync("www.example.com"));

        Assert.Null(seen);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Client_ThatHangsUpMidHandshake_DoesNotDisturbTheServer()
    {
        await emulator.StartAsync();
        using (var socket = await ConnectedAsync())
        {
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("CONNECT login.microsoftonline.com:443 HTTP/1.1\r\n\r\n"));
            await ReadHeadAsync(stream);
            await stream.WriteAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00 });
        }

        using (var half = await ConnectedAsync())
        {
            await half.GetStream().WriteAsync(Encoding.ASCII.GetBytes("CONNECT login.micro"));
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task AbsoluteFormRequest_ForAServedHost_ReachesTheApi_AndForAnyOtherHostIs502()
    {
        await emulator.StartAsync();

        var (served, servedBody) = await RawAsync("GET http://api.security.microsoft.com/api/machines HTTP/1.1\r\nHost: api.security.microsoft.com\r\nConnection: close\r\n\r\n");
        var (other, otherBody) = await RawAsync("GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 401", served, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"Unauthorized\"", servedBody, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 502", other, StringComparison.Ordinal);
        Assert.Contains("www.example.com", otherBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_NamesTheProxyUrl_AsThePlainHttpAddress()
    {
        await emulator.StartAsync();
        using var admin = new HttpClient { BaseAddress = emulator.ProxyUri };

        using var info = JsonDocument.Parse(await admin.GetStringAsync("/_emulator/info"));

        Assert.Equal(emulator.ProxyUri.ToString().TrimEnd('/'), info.RootElement.GetProperty("proxyUrl").GetString());
    }

    private async Task AssertStillServingAsync()
    {
        using var client = new HttpClient(emulator.CreateProxiedHandler());
        using var health = await client.GetAsync("https://api.security.microsoft.com/_emulator/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<TcpClient> ConnectedAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, emulator.ProxyUri.Port);
        return client;
    }

    private async Task<(string Head, string Body)> RawAsync(string request)
    {
        using var socket = await ConnectedAsync();
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? (text, string.Empty) : (text[..split], text[(split + 4)..]);
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private sealed record X509CertificateSeen(string? Subject);
}
