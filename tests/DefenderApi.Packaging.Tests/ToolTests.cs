using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace DefenderApi.Packaging.Tests;

/// <summary>
/// <c>dotnet tool install DefenderApi.Emulator.Tool</c> from the feed into a temporary tool path, then
/// <c>defender-emulator</c> started on a free port: a token from its token endpoint, the machine list, its data in the
/// per-user folder.
/// </summary>
public sealed class ToolTests(LocalFeed feed)
{
    [Fact]
    public async Task InstalledTool_StartsOnAFreePort_GivesATokenAndListsMachines_KeepingItsDataPerUser()
    {
        var toolPath = Path.Combine(feed.Root, "tool");
        var install = await ProcessRunner.RunAsync("dotnet",
            ["tool", "install", "DefenderApi.Emulator.Tool", "--version", feed.Version, "--tool-path", toolPath, "--configfile", feed.NuGetConfig],
            feed.Root, feed.Environment, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed: {install}");
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "defender-emulator.exe" : "defender-emulator");

        var version = await ProcessRunner.RunAsync(command, ["--version"], feed.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        Assert.True(version.ExitCode == 0, $"defender-emulator --version failed: {version}");
        Assert.StartsWith(feed.Version, version.Output.Trim(), StringComparison.Ordinal);

        // A home of its own: the per-user data folder is under it (XDG_DATA_HOME on Linux, LOCALAPPDATA on Windows).
        var home = Directory.CreateDirectory(Path.Combine(feed.Root, "home")).FullName;
        var dataHome = Path.Combine(home, "data");
        var url = $"http://127.0.0.1:{FreePort()}";
        using var emulator = Process.Start(ProcessRunner.StartInfo(command, ["--urls", url, "--Emulator:DemoMachines=20"], feed.Root,
            new Dictionary<string, string?> { ["HOME"] = home, ["XDG_DATA_HOME"] = dataHome, ["LOCALAPPDATA"] = dataHome }))!;
        var output = emulator.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = emulator.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilReadyAsync(http, emulator);

            var info = await http.GetFromJsonAsync<JsonElement>("/_emulator/info", TestContext.Current.CancellationToken);
            Assert.Equal(version.Output.Trim(), info.GetProperty("version").GetString());
            using var token = await http.PostAsync(info.GetProperty("tokenEndpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = info.GetProperty("clientId").GetString()!,
                ["client_secret"] = info.GetProperty("clientSecret").GetString()!,
                ["scope"] = "https://api.securitycenter.microsoft.com/.default",
            }), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("access_token").GetString();

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/machines?$top=5");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var machines = await http.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, machines.StatusCode);
            var body = await machines.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(5, body.GetProperty("value").GetArrayLength());
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(dataHome, "defenderapi", "emulator"), "defender.db"));
            Assert.False(Directory.Exists(Path.Combine(feed.Root, "data")), "the tool wrote its data into the working directory");
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync(TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"defender-emulator: {await output}\n{await errors}");
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process emulator)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            Assert.False(emulator.HasExited, $"defender-emulator exited with {(emulator.HasExited ? emulator.ExitCode : 0)}");
            try
            {
                using var health = await http.GetAsync("/_emulator/health", TestContext.Current.CancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail("defender-emulator was not ready within 3 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
