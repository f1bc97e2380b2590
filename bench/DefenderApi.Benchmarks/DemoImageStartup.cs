using System.Diagnostics;
using System.Globalization;
using DefenderApi.Testing;

namespace DefenderApi.Benchmarks;

/// <summary>
/// The demo image against seeding, in one process and one build, alternately under the same load
/// (<c>dotnet run -c Release --project bench/DefenderApi.Benchmarks -- image-starts [N]</c>): the testing kit on its
/// virtual clock (1,000 demo machines, in memory) started N times with <c>Emulator:DemoImage</c> off and N times on,
/// the two alternating, each with a new tenant (<c>seed demo</c>) after the start. The image folder is new, so the
/// first start with images on builds the store and tenant images (its cost is printed apart). Prints the medians, the
/// process CPU time of each side and the ratios.
/// </summary>
internal static class DemoImageStartup
{
    public static async Task<int> RunAsync(int rounds)
    {
        var images = Path.Combine(Path.GetTempPath(), $"defenderapi-demo-bench-{Guid.NewGuid():N}");
        var off = new Side();
        var on = new Side();
        try
        {
            // The process's first start pays the JIT; it belongs to neither side.
            await StartAsync(imageOn: false, images, new Side());
            var (firstOn, firstTenantOn) = await StartAsync(imageOn: true, images, new Side());
            for (var round = 0; round < rounds; round++)
            {
                await StartAsync(imageOn: false, images, off);
                await StartAsync(imageOn: true, images, on);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"demo image, {rounds} alternating rounds (virtual clock, 1,000 demo machines, in memory): start median {off.Start:N0} ms seeded, {on.Start:N0} ms restored ({on.Start / off.Start:N3}x); new demo tenant median {off.Tenant:N0} ms seeded, {on.Tenant:N1} ms copied ({on.Tenant / off.Tenant:N3}x); CPU {off.Cpu:N0} ms seeded, {on.Cpu:N0} ms restored ({on.Cpu / off.Cpu:N3}x); building the images: start {firstOn:N0} ms, tenant {firstTenantOn:N0} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(images, recursive: true);
        }
    }

    private static async Task<(double Start, double Tenant)> StartAsync(bool imageOn, string images, Side side)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
        {
            VirtualClock = true,
            Settings =
            {
                ["Emulator:DemoMachines"] = "1000",
                ["Emulator:DemoImage"] = imageOn ? "true" : "false",
                ["Emulator:DemoImageDirectory"] = images,
            },
        });
        var start = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        await emulator.Admin.CreateTenantAsync(seed: "demo");
        var tenant = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        side.Add(start, tenant, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        return (start, tenant);
    }

    private sealed class Side
    {
        private readonly List<double> _starts = [];
        private readonly List<double> _tenants = [];

        public double Cpu { get; private set; }

        public double Start => Median(_starts);

        public double Tenant => Median(_tenants);

        public void Add(double start, double tenant, double cpu)
        {
            _starts.Add(start);
            _tenants.Add(tenant);
            Cpu += cpu;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }
    }
}
