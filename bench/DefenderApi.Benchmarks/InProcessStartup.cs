using System.Diagnostics;
using System.Globalization;
using DefenderApi.Testing;

namespace DefenderApi.Benchmarks;

/// <summary>
/// What a test suite pays per fixture: starts <see cref="DefenderEmulator"/> (in-process, in-memory store, 1,000 demo
/// machines) N times in one process, one after another, and prints the first start and the median of the others
/// (<c>dotnet run -c Release --project bench/DefenderApi.Benchmarks -- starts [N]</c>). A suite with a fixture per test
/// class pays the first once and the others once per class.
/// </summary>
internal static class InProcessStartup
{
    public static async Task<int> RunAsync(int starts)
    {
        var times = new List<double>(starts);
        for (var i = 0; i < starts; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
            {
                Settings = { ["Emulator:DemoMachines"] = "1000" },
            });
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var later = times.Skip(1).Order().ToList();
        var median = later.Count == 0 ? double.NaN : later[later.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process starts: first {times[0]:N0} ms, then median {median:N0} ms over {later.Count} (1,000 machines, in memory)"));
        return 0;
    }
}
