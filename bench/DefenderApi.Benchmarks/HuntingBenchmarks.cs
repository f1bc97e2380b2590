using BenchmarkDotNet.Attributes;
using DefenderApi.Hunting;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Benchmarks;

/// <summary>
/// The hunting engine over 1,000,000 generated events (issue 7): the budget query and a join end to end through
/// <see cref="HuntingService"/> (compile, execute on SQLite, result materialized), and compiling alone. The events are
/// generated once into a SQLite file in the temp folder and reused by later runs (same spec, same rows).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HuntingBenchmarks
{
    /// <summary>The benchmark query.</summary>
    public const string TopDevicesQuery = "DeviceProcessEvents | where Timestamp > ago(7d) | summarize count() by DeviceName | top 10 by count_";

    /// <summary>Process events joined to network events of the same device, both filtered first, as hunting queries do.</summary>
    public const string JoinQuery =
        "DeviceNetworkEvents | where Timestamp > ago(1d) and RemoteIP == \"185.220.101.4\" " +
        "| join kind=inner (DeviceProcessEvents | where Timestamp > ago(1d) and FileName =~ \"powershell.exe\") on DeviceId " +
        "| summarize Connections = count() by DeviceName | top 10 by Connections";

    /// <summary>mv-expand of each path's folders (issue 21).</summary>
    public const string MvExpandQuery =
        "DeviceProcessEvents | where Timestamp > ago(7d) | mv-expand Folder = split(FolderPath, \"\\\\\") to typeof(string) " +
        "| summarize count() by Folder | top 10 by count_";

    /// <summary>lookup of each process event's device platform (issue 21).</summary>
    public const string LookupQuery =
        "DeviceProcessEvents | where Timestamp > ago(7d) " +
        "| lookup (DeviceInfo | summarize arg_max(Timestamp, OSPlatform) by DeviceId | project DeviceId, OSPlatform) on DeviceId " +
        "| summarize count() by OSPlatform";

    /// <summary>arg_max: the latest process event of every device (issue 21).</summary>
    public const string ArgMaxQuery =
        "DeviceProcessEvents | where Timestamp > ago(7d) | summarize arg_max(Timestamp, FileName, ProcessCommandLine) by DeviceId";

    /// <summary>A let-function used as a filter (issue 21).</summary>
    public const string LetFunctionQuery =
        "let IsLolbin = (name:string) { name in~ (\"certutil.exe\", \"mshta.exe\", \"rundll32.exe\", \"regsvr32.exe\") }; " +
        "DeviceProcessEvents | where Timestamp > ago(7d) and IsLolbin(FileName) | summarize count() by DeviceName, FileName | top 10 by count_";

    private const int Events = 1_000_000;
    private const string Tenant = "00000000-0000-0000-0000-0000000000b1";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FixedClock _clock = new(Now);
    private SqliteConnection _connection = null!;
    private HuntingService _service = null!;
    private KqlCompiler _compiler = null!;

    /// <summary>Opens (generating on first use) the 1M-event database.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"defenderapi-hunting-bench-{Events}-v2.db");
        if (!File.Exists(path))
        {
            Generate(path);
        }

        _connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        // The CPU quota would refuse a benchmark after its hourly budget: charge nothing here.
        var limits = HuntingLimits.Documented with { CpuChargeMultiplier = 0 };
        _service = new HuntingService(_clock, limits);
        _compiler = new KqlCompiler(_clock, limits);
    }

    /// <summary>Closes the database.</summary>
    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>The budget query (p50 &lt; 1 s).</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int TopDevicesLast7Days() => _service.Run(_connection, Tenant, TopDevicesQuery).Result!.Results.Count;

    /// <summary>A filtered join of process and network events on DeviceId.</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int ProcessJoinNetwork() => _service.Run(_connection, Tenant, JoinQuery).Result!.Results.Count;

    /// <summary>mv-expand over a week of process events.</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int MvExpandFolders() => _service.Run(_connection, Tenant, MvExpandQuery).Result!.Results.Count;

    /// <summary>lookup against the devices' latest platform.</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int LookupDevicePlatform() => _service.Run(_connection, Tenant, LookupQuery).Result!.Results.Count;

    /// <summary>arg_max per device.</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int ArgMaxLatestPerDevice() => _service.Run(_connection, Tenant, ArgMaxQuery).Result!.Results.Count;

    /// <summary>A user-defined function in the filter.</summary>
    /// <returns>Rows returned.</returns>
    [Benchmark]
    public int LetFunctionFilter() => _service.Run(_connection, Tenant, LetFunctionQuery).Result!.Results.Count;

    /// <summary>KQL to SQL only.</summary>
    /// <returns>The compiled query.</returns>
    [Benchmark]
    public object CompileOnly() => _compiler.Compile(TopDevicesQuery);

    private static void Generate(string path)
    {
        var partial = path + ".partial";
        File.Delete(partial);
        using (var connection = new SqliteConnection($"Data Source={partial};Pooling=False"))
        {
            connection.Open();
            var devices = Enumerable.Range(0, 100).Select(i => new HuntingDevice(
                i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture),
                $"bench-{i:000}.contoso.com",
                (i % 4) switch { 0 => "Linux", 1 => "WindowsServer2022", _ => "Windows11" })).ToList();
            HuntingDemoGenerator.Generate(connection, Tenant, new HuntingDemoSpec(20211203, devices, ["alice", "bob", "carol", "dave", "erin"], Events, Now));
        }

        File.Move(partial, path);
    }

    /// <summary>A clock stopped at the generated data's "now" (elapsed time still measured for real).</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
