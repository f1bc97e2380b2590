using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using CsCheck;
using DefenderApi.Emulator.Fuzz;

// The long fuzz run (bench/README.md): starts the emulator (--in-memory --seed none) as its own process on Kestrel,
// sends CASES generated requests from CONNECTIONS concurrent callers, and prints 5xx answers, answers without the
// envelope, duplicate targets and the emulator's RSS before, after, and after an idle minute.
//
//   dotnet build -c Release src/DefenderApi.Emulator
//   dotnet run -c Release --project bench/DefenderApi.Fuzz -- [CASES=200000] [CONNECTIONS=16] [IDLE_SECONDS=60]
var cases = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var idleSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Directory.Packages.props")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository.");
}

var emulatorDll = Path.Combine(root, "src", "DefenderApi.Emulator", "bin", "Release", "net10.0", "DefenderApi.Emulator.dll");
if (!File.Exists(emulatorDll))
{
    throw new InvalidOperationException($"Build the emulator first: dotnet build -c Release src/DefenderApi.Emulator ({emulatorDll})");
}

var port = FreePort();
using var emulator = Process.Start(new ProcessStartInfo("dotnet", [emulatorDll, "--in-memory", "--seed", "none", "--urls", $"http://127.0.0.1:{port}"])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment = { ["Logging__LogLevel__Default"] = "None" },
})!;
emulator.OutputDataReceived += (_, _) => { };
emulator.ErrorDataReceived += (_, _) => { };
emulator.BeginOutputReadLine();
emulator.BeginErrorReadLine();

try
{
    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        AllowAutoRedirect = false,
        // Header values outside ASCII go out as UTF-8 bytes, as a hostile client sends them (Kestrel reads Latin-1).
        RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
    };
    using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    await WaitReadyAsync(client);
    var tokens = await FuzzData.PrepareAsync(client);
    var rssBefore = Rss(emulator.Id);
    var verdict = new FuzzVerdict();
    var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
    var clock = Stopwatch.StartNew();

    await FuzzCases.Request.SampleAsync(
        async request =>
        {
            var (_, problem) = await FuzzExchange.RunAsync(client, tokens, verdict, request);
            if (problem is not null && problems.Count < 20)
            {
                problems.Enqueue($"{request.ToString()[..Math.Min(300, request.ToString().Length)]} → {problem[..Math.Min(300, problem.Length)]}");
            }
        },
        seed: Environment.GetEnvironmentVariable("FUZZ_SEED"),
        iter: cases,
        threads: connections);

    var elapsed = clock.Elapsed;
    var rssAfter = Rss(emulator.Id);
    await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
    var rssIdle = Rss(emulator.Id);

    Console.WriteLine($"| cases | connections | seconds | 5xx | without envelope | duplicate targets | transport rejections (documented) | unsendable | RSS before | RSS after | RSS after {idleSeconds} s idle |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {cases:N0} | {connections} | {elapsed.TotalSeconds:F0} | {verdict.ServerErrors} | {verdict.WithoutEnvelope} | {verdict.DuplicateTargets} | {verdict.TransportRejections} | {verdict.Unsendable} | {rssBefore} MB | {rssAfter} MB | {rssIdle} MB |"));
    foreach (var problem in problems)
    {
        Console.WriteLine($"problem: {problem}");
    }

    return verdict.ServerErrors + verdict.WithoutEnvelope + verdict.DuplicateTargets == 0 ? 0 : 1;
}
finally
{
    emulator.Kill(entireProcessTree: true);
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitReadyAsync(HttpClient client)
{
    for (var attempt = 0; attempt < 600; attempt++)
    {
        try
        {
            using var health = await client.GetAsync("/_emulator/health");
            if (health.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The emulator did not become ready.");
}

static long Rss(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
