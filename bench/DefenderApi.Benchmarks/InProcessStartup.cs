using System.Diagnostics;
using System.Globalization;
using DefenderApi.Testing;

namespace DefenderApi.Benchmarks;

/// <summary>
/// What a test suite pays per fixture and per test: starts <see cref="DefenderEmulator"/> (in-process, in-memory store,
/// 1,000 demo machines) N times in one process, one after another, and prints the first start and the median of the
/// others; then, in the last emulator, the median cost of a new tenant with <c>seed none</c> and with <c>seed demo</c>
/// (<c>dotnet run -c Release --project bench/DefenderApi.Benchmarks -- starts [N]</c>). A suite with a fixture per test
/// class pays the first start once and the later ones once per class; a suite with a tenant per test pays the tenant.
/// </summary>
internal static class InProcessStartup
{
    private const int Tenants = 7;

    public static async Task<int> RunAsync(int starts)
    {
        var times = new List<double>(starts);
        DefenderEmulator? last = null;
        for (var i = 0; i < starts; i++)
        {
            if (last is not null)
            {
                await last.DisposeAsync();
            }

            var started = Stopwatch.GetTimestamp();
            last = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
            {
                Settings = { ["Emulator:DemoMachines"] = "1000" },
            });
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await using var emulator = last!;
        var none = await NewTenantsAsync(emulator, "none");
        var demo = await NewTenantsAsync(emulator, "demo");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process starts: first {times[0]:N0} ms, then median {Median(times.Skip(1)):N0} ms over {times.Count - 1} (1,000 machines, in memory); new tenant median {none:N1} ms (seed none), {demo:N0} ms (seed demo, 1,000 machines) over {Tenants - 1} after the first"));
        return 0;
    }

    private static async Task<double> NewTenantsAsync(DefenderEmulator emulator, string seed)
    {
        var times = new List<double>(Tenants);
        for (var i = 0; i < Tenants; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await emulator.Admin.CreateTenantAsync(seed: seed);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(times.Skip(1));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
