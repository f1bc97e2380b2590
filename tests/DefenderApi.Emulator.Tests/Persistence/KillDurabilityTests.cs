using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// Durability of acknowledged writes on the file store: the emulator runs as its own process, writers post indicators
/// as fast as it answers, the process is killed with SIGKILL while writes are in flight, and after a restart on the
/// same data directory every indicator the emulator acknowledged (200) is there. The kill comes on a signal (the
/// acknowledged count reaching a mark), not after a sleep.
/// </summary>
public sealed class KillDurabilityTests : IDisposable
{
    private const int Writers = 8;
    private const int KillAfterAcknowledged = 1_500;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("defender-kill-").FullName;

    [Fact]
    public async Task Kill9DuringIndicatorWrites_LosesNoAcknowledgedIndicator()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var acknowledged = new ConcurrentBag<string>();
        using (var first = await EmulatorProcess.StartAsync(_dataDirectory, cancellation))
        {
            await first.DisableRateLimitsAsync(cancellation);
            using var http = await first.AuthenticatedClientAsync(cancellation);
            var mark = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = 0;
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                while (!mark.Task.IsCompleted)
                {
                    var value = $"{Interlocked.Increment(ref next):x40}";
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/indicators", new
                        {
                            indicatorValue = value, indicatorType = "FileSha1", action = "Alert", title = "durability",
                            description = "kill -9 test", severity = "Informational",
                        }, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(value);
                            if (acknowledged.Count >= KillAfterAcknowledged)
                            {
                                mark.TrySetResult();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone: this write was never acknowledged
                    }
                }
            }, CancellationToken.None)).ToList();

            await mark.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellation); // a bound for a stuck run, not a timing claim
            first.Kill(); // SIGKILL, with the writers still posting
            await Task.WhenAll(writers);
        }

        using var second = await EmulatorProcess.StartAsync(_dataDirectory, cancellation);
        using var reader = await second.AuthenticatedClientAsync(cancellation);
        var stored = await second.IndicatorValuesAsync(reader, cancellation);

        Assert.True(acknowledged.Count >= KillAfterAcknowledged);
        Assert.Empty(acknowledged.Except(stored));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>The emulator's own executable (copied beside this test assembly) on a free loopback port.</summary>
    private sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<EmulatorProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "DefenderApi.Emulator.dll"), "--urls", address.ToString(), "--data-dir", dataDirectory, "--seed", "none" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var emulator = new EmulatorProcess(process, address);
            using var http = new HttpClient { BaseAddress = address };
            while (true)
            {
                Assert.False(process.HasExited, $"The emulator exited with {(process.HasExited ? process.ExitCode : 0)} before it was ready.");
                try
                {
                    using var health = await http.GetAsync(new Uri("/_emulator/health", UriKind.Relative), cancellationToken);
                    if (health.IsSuccessStatusCode)
                    {
                        return emulator;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(20, cancellationToken);
            }
        }

        public async Task DisableRateLimitsAsync(CancellationToken cancellationToken)
        {
            using var http = new HttpClient { BaseAddress = Address };
            using var response = await http.PutAsJsonAsync("/_emulator/settings", new { rateLimits = new { enabled = false } }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        public async Task<HttpClient> AuthenticatedClientAsync(CancellationToken cancellationToken)
        {
            var http = new HttpClient { BaseAddress = Address };
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "defender-emulator", ["client_secret"] = "emulator-secret",
                ["scope"] = "https://api.securitycenter.microsoft.com/.default",
            });
            using var token = await http.PostAsync(new Uri("/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token", UriKind.Relative), form, cancellationToken);
            using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(cancellationToken));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
            return http;
        }

        public async Task<HashSet<string>> IndicatorValuesAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            Uri? page = new("/api/indicators?$top=10000", UriKind.Relative);
            while (page is not null)
            {
                using var json = JsonDocument.Parse(await http.GetStringAsync(page, cancellationToken));
                foreach (var indicator in json.RootElement.GetProperty("value").EnumerateArray())
                {
                    values.Add(indicator.GetProperty("indicatorValue").GetString()!);
                }

                page = json.RootElement.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!) : null;
            }

            return values;
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
