using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace DefenderApi.Benchmarks;

/// <summary>
/// <c>-- proxy URL ROOT-PEM [SECONDS] [CONNECTIONS]</c>: requests/s and latency of <c>GET /api/machines/{id}</c> on a
/// running emulator, with keep-alive connections, three ways in one sitting with one client: plain HTTP direct, HTTPS
/// direct (the <c>--https</c> port), and HTTPS through the intercepting proxy (<c>CONNECT</c> to
/// api.securitycenter.microsoft.com). bench/proxy.sh starts the emulator and runs this.
/// </summary>
internal static class ProxyThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var http = new Uri(args[1]);
        using var root = X509CertificateLoader.LoadCertificateFromFile(args[2]);
        var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 16;

        using var admin = new HttpClient { BaseAddress = http };
        using var info = JsonDocument.Parse(await admin.GetStringAsync("/_emulator/info"));
        var token = await TokenAsync(admin);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var page = JsonDocument.Parse(await admin.GetStringAsync("/api/machines?$top=1"));
        var machine = page.RootElement.GetProperty("value")[0].GetProperty("id").GetString();
        var httpsPort = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 5311;

        Console.WriteLine($"GET /api/machines/{{id}}, {connections} keep-alive connections, {seconds} s each");
        Console.WriteLine("way | requests/s | p50 ms | p99 ms | vs direct HTTP");
        var direct = await MeasureAsync("direct HTTP", Handler(null, root), new Uri(http, $"/api/machines/{machine}"), token, seconds, connections, null);
        await MeasureAsync("direct HTTPS", Handler(null, root), new Uri($"https://localhost:{httpsPort}/api/machines/{machine}"), token, seconds, connections, direct);
        await MeasureAsync("proxy (CONNECT + TLS)", Handler(info.RootElement.GetProperty("proxyUrl").GetString(), root),
            new Uri($"https://api.securitycenter.microsoft.com/api/machines/{machine}"), token, seconds, connections, direct);
        return 0;
    }

    private static SocketsHttpHandler Handler(string? proxy, X509Certificate2 root) => new()
    {
        Proxy = proxy is null ? null : new WebProxy(proxy),
        UseProxy = proxy is not null,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is X509Certificate2 c && chain.Build(c);
            },
        },
    };

    private static async Task<double> MeasureAsync(
        string way, SocketsHttpHandler handler, Uri url, string token, int seconds, int connections, double? direct)
    {
        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await LoopAsync(client, url, TimeSpan.FromSeconds(2), connections); // warm-up: connections, handshakes, JIT
        var latencies = await LoopAsync(client, url, TimeSpan.FromSeconds(seconds), connections);
        var rps = latencies.Count / (double)seconds;
        latencies.Sort();
        var ratio = direct is { } d ? (rps / d).ToString("0.00×", CultureInfo.InvariantCulture) : "1.00×";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{way} | {rps:N0} | {Percentile(latencies, 0.50):0.00} | {Percentile(latencies, 0.99):0.00} | {ratio}"));
        return rps;
    }

    private static async Task<List<double>> LoopAsync(HttpClient client, Uri url, TimeSpan duration, int connections)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            var own = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
                }

                own.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return own;
        });
        return [.. (await Task.WhenAll(workers)).SelectMany(l => l)];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static async Task<string> TokenAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync("/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "defender-emulator",
            ["client_secret"] = "emulator-secret",
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
