using System.Diagnostics;
using System.Globalization;
using DefenderApi.Client;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Testing;

namespace DefenderApi.Benchmarks;

/// <summary>
/// How fast a test suite can drive the emulator through the testing kit: starts <see cref="DefenderEmulator"/>
/// (in-process, in-memory store, 1,000 demo machines), warms up, then times N typed-client calls from 8 concurrent
/// callers — a mix of a machine by id, a page of 10 machines, an alert by id and a 404 — and prints one line
/// (<c>dotnet run -c Release --project bench/DefenderApi.Benchmarks -- inprocess [N]</c>). Budget: 10,000 in &lt; 2 s.
/// </summary>
internal static class InProcessThroughput
{
    private const int Callers = 8;

    public static async Task<int> RunAsync(int requests)
    {
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
        {
            Settings = { ["Emulator:DemoMachines"] = "1000" },
        });
        await emulator.Admin.UpdateSettingsAsync(new { rateLimits = new { enabled = false } });
        var client = emulator.Client;
        var machineIds = await client.GetMachinesAsync(new ODataQuery<Machine>().Top(100)).Select(m => m.Id!).ToListAsync();
        var alertIds = await client.GetAlertsAsync(new ODataQuery<Alert>().Top(100)).Select(a => a.Id!).ToListAsync();

        await DriveAsync(client, machineIds, alertIds, 1_000);
        var allocated = GC.GetTotalAllocatedBytes();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await DriveAsync(client, machineIds, alertIds, requests);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;

        // CPU time per call (client and server together) is printed too: unlike the wall clock, it barely moves when
        // something else shares the machine.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process: {requests:N0} requests in {elapsed.TotalSeconds:F2} s ({requests / elapsed.TotalSeconds:N0} req/s, {cpu.TotalMicroseconds / requests:N0} µs CPU and {allocated / requests / 1024.0:N1} KB allocated per request)"));
        return 0;
    }

    private static Task DriveAsync(DefenderClient client, List<string> machineIds, List<string> alertIds, int requests)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                await CallAsync(client, machineIds, alertIds, i);
            }
        }));
    }

    private static async Task CallAsync(DefenderClient client, List<string> machineIds, List<string> alertIds, int i)
    {
        switch (i % 4)
        {
            case 0:
                await client.GetMachineAsync(machineIds[i % machineIds.Count]);
                break;
            case 1:
                await foreach (var _ in client.GetMachinesAsync(new ODataQuery<Machine>().Top(10)))
                {
                }

                break;
            case 2:
                await client.GetAlertAsync(alertIds[i % alertIds.Count]);
                break;
            default:
                try
                {
                    await client.GetMachineAsync("no-such-machine");
                }
                catch (DefenderRequestFailedException exception) when (exception.Status == 404)
                {
                    // the documented ResourceNotFound answer: part of the mix
                }

                break;
        }
    }
}
