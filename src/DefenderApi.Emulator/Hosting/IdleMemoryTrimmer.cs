using System.Runtime.InteropServices;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Hands memory back to the operating system once the emulator goes quiet after a burst of work. The server GC keeps
/// the heap a burst grew (a hostile run of 200,000 requests left 374 MB resident after an idle minute), so an idle
/// emulator between two CI suites held what its last burst needed. Every <see cref="IdleTrimPolicy.PollInterval"/> the
/// trimmer reads how much the process has allocated; once enough was allocated since the last trim and an interval
/// passes nearly without allocation, it runs one aggressive full collection (compacting, and decommitting the free
/// regions) and asks glibc to return the native heap's free pages (<c>malloc_trim</c>). It runs on real time
/// (<see cref="TimeProvider.System"/>): memory belongs to the host, and a paused virtual clock must not keep it.
/// </summary>
internal sealed partial class IdleMemoryTrimmer(TimeProvider realTime) : BackgroundService
{
    /// <summary>How many trims ran, for tests and diagnostics.</summary>
    public int Trims { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = new IdleTrimPolicy(GC.GetTotalAllocatedBytes());
        using var timer = new PeriodicTimer(IdleTrimPolicy.PollInterval, realTime);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (policy.Observe(GC.GetTotalAllocatedBytes()))
                {
                    Trim();
                    Trims++;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static void Trim()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the managed half of the trim is done.
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}

/// <summary>When the idle trimmer trims: after a burst of allocation, at the first quiet interval.</summary>
/// <param name="allocatedAtStart">The process's allocated byte count when watching starts.</param>
internal sealed class IdleTrimPolicy(long allocatedAtStart)
{
    /// <summary>How often the allocation count is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>What must have been allocated since the last trim before another is worth a full collection.</summary>
    public const long BurstBytes = 64L << 20;

    /// <summary>At most this much allocated during one interval counts as quiet (background services still run).</summary>
    public const long QuietBytes = 4L << 20;

    private long _last = allocatedAtStart;
    private long _sinceTrim;

    /// <summary>Takes one reading; true when the trim should run now.</summary>
    /// <param name="allocatedTotal">The process's allocated byte count now.</param>
    /// <returns>Whether to trim.</returns>
    public bool Observe(long allocatedTotal)
    {
        var delta = Math.Max(0, allocatedTotal - _last);
        _last = allocatedTotal;
        _sinceTrim += delta;
        if (delta > QuietBytes || _sinceTrim < BurstBytes)
        {
            return false;
        }

        _sinceTrim = 0;
        return true;
    }
}
