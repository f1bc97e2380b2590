using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Cli;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;

namespace DefenderApi.Emulator.Tests.Cli;

public sealed class CommandLineTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5999" }, false)]
    [InlineData(new[] { "--in-memory", "--seed", "none", "--virtual-clock" }, false)]
    [InlineData(new[] { "token" }, true)]
    [InlineData(new[] { "faults", "list" }, true)]
    [InlineData(new[] { "--help" }, true)]
    public void PlainStartArguments_StartTheEmulator_CommandsAndHelpRunTheCli(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, EmulatorCommandLine.IsToolCommand(args));

    [Fact]
    public async Task Help_ListsEveryCommand_AndTheStartOptions()
    {
        var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "token", "reset", "snapshot", "load", "faults", "scenario", "certs", "env", "--https", "--proxy-passthrough", "--urls", "--in-memory", "--seed", "--virtual-clock", "--emulator", "--admin-key" })
        {
            Assert.Contains(word, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Token_PrintsAJwtForTheDefaultApp_ThatTheApiAccepts()
    {
        await factory.CreateReadyClientAsync();
        var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "token");

        Assert.Equal(0, run.ExitCode);
        using var client = await factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Output.Trim());
        using var response = await client.GetAsync(ProbeApi.AppsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_WithRoles_IsForANewAppHoldingExactlyThoseRoles()
    {
        await factory.CreateReadyClientAsync();
        var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "token", "--roles", "Alert.Read.All", "Ti.ReadWrite");

        Assert.Equal(0, run.ExitCode);
        var payload = run.Output.Trim().Split('.')[1];
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/')));
        Assert.Equal(["Alert.Read.All", "Ti.ReadWrite"], claims.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.StartsWith("cli-", claims.RootElement.GetProperty("appid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetAndSnapshots_RunAgainstTheEmulator()
    {
        await factory.CreateReadyClientAsync();
        var handler = factory.Server.CreateHandler();

        var reset = await CliRun.RunAsync(handler, "reset");
        var save = await CliRun.RunAsync(handler, "snapshot", "save", "cli-snap");
        var list = await CliRun.RunAsync(handler, "snapshot", "list");
        var restore = await CliRun.RunAsync(handler, "snapshot", "restore", "cli-snap");
        var delete = await CliRun.RunAsync(handler, "snapshot", "delete", "cli-snap");

        Assert.Equal([0, 0, 0, 0, 0], new[] { reset.ExitCode, save.ExitCode, list.ExitCode, restore.ExitCode, delete.ExitCode });
        Assert.Contains("Every tenant reset.", reset.Console, StringComparison.Ordinal);
        Assert.Contains("cli-snap", list.Console, StringComparison.Ordinal);
        Assert.Contains("Snapshot cli-snap restored.", restore.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedCall_ExitsOne_WithTheEmulatorsErrorCodeAndMessage()
    {
        await factory.CreateReadyClientAsync();

        var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "snapshot", "restore", "never-saved");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("POST /_emulator/snapshots/never-saved/restore answered 404: ResourceNotFound: Snapshot never-saved was not found", run.Error.Trim());
    }

    [Fact]
    public async Task Faults_AddListClear_ManageTheRules()
    {
        await factory.CreateReadyClientAsync();
        var handler = factory.Server.CreateHandler();

        var add = await CliRun.RunAsync(handler, "faults", "add", "--method", "GET", "--path", "/api/_probe/cli", "--error", "TooManyRequests", "--count", "2", "--seed", "9");
        var list = await CliRun.RunAsync(handler, "faults", "list");
        var clear = await CliRun.RunAsync(handler, "faults", "clear");
        var empty = await CliRun.RunAsync(handler, "faults", "list");

        Assert.Equal(0, add.ExitCode);
        Assert.True(Guid.TryParse(add.Output.Trim(), out _), add.Output + add.Error);
        Assert.Contains("TooManyRequests", list.Console, StringComparison.Ordinal);
        Assert.Contains("/api/_probe/cli", list.Console, StringComparison.Ordinal);
        Assert.Equal(0, clear.ExitCode);
        Assert.DoesNotContain("TooManyRequests", empty.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultsAdd_WithAnUnknownTransport_IsAUsageError()
    {
        var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "faults", "add", "--transport", "drop");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("drop", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_PostsEachCollectionInBatches_AndReportsTheCount()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.json");
        var alerts = string.Join(",", Enumerable.Range(0, LoadCommand.BatchSize + 1).Select(i => $$"""{"id":"a{{i}}"}"""));
        await File.WriteAllTextAsync(file, $$"""{"machines":[{"id":"m1"},{"id":"m2"}],"alerts":[{{alerts}}]}""", TestContext.Current.CancellationToken);
        using var emulator = new RecordingHandler();
        try
        {
            var run = await CliRun.RunAsync(emulator, "load", file, "--tenant", "00000000-0000-0000-0000-000000000007");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(
                [
                    "POST /_emulator/tenants/00000000-0000-0000-0000-000000000007/data/machines 2",
                    "POST /_emulator/tenants/00000000-0000-0000-0000-000000000007/data/alerts 500",
                    "POST /_emulator/tenants/00000000-0000-0000-0000-000000000007/data/alerts 1",
                ],
                emulator.Requests);
            Assert.Contains("Loaded 503 items in 2 collections", run.Console, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Load_IntoARunningEmulator_MakesTheEntitiesServedByTheApi()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"machines":[{"id":"cli-m1","computerDnsName":"cli-one","osPlatform":"Linux"},{"id":"cli-m2","computerDnsName":"cli-two","osPlatform":"Windows10"}]}""", TestContext.Current.CancellationToken);
        using var client = await factory.CreateApiClientAsync();
        try
        {
            var run = await CliRun.RunAsync(factory.Server.CreateHandler(), "load", file);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Loaded 2 items in 1 collections", run.Console, StringComparison.Ordinal);
            using var machine = await client.GetAsync("/api/machines/cli-m2");
            Assert.Equal(HttpStatusCode.OK, machine.StatusCode);
            Assert.Contains("\"computerDnsName\":\"cli-two\"", await machine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Load_OfAMissingFile_ExitsOne_NamingIt()
    {
        var run = await CliRun.RunAsync(new RecordingHandler(), "load", "/no/such/pack.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/pack.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableEmulator_ExitsOne_SayingWhere()
    {
        var run = await CliRun.RunAsync(new UnreachableHandler(), "reset", "--emulator", "http://127.0.0.1:1");

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.StartsWith("No emulator answered at http://127.0.0.1:1/", StringComparison.Ordinal), run.Error);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var items = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var count = items.RootElement.GetArrayLength();
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {count}");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"count":{{count}}}""", Encoding.UTF8, "application/json") };
        }
    }

    private sealed class UnreachableHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }
}
