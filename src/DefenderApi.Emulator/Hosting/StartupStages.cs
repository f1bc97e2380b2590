using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// A log of the start's stages for profiling start-up (bench/README.md, "Start-up, compiled model"): with
/// <c>DEFENDERAPI_STARTUP_STAGES=1</c> in the environment, each stage prints one line to standard error with the time
/// since the process started, the process's CPU time and the number of methods the JIT has compiled so far. Off by
/// default, and then it costs one boolean test per stage.
/// </summary>
internal static class StartupStages
{
    /// <summary>The environment variable that turns the log on (value <c>1</c>).</summary>
    public const string Variable = "DEFENDERAPI_STARTUP_STAGES";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Prints a stage line when the log is on.</summary>
    /// <param name="stage">What has just finished.</param>
    public static void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var sinceStart = TimeProvider.System.GetUtcNow() - process.StartTime.ToUniversalTime();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup-stage {stage}: {sinceStart.TotalMilliseconds:F0} ms since process start, {process.TotalProcessorTime.TotalMilliseconds:F0} ms CPU, {JitInfo.GetCompiledMethodCount()} methods compiled"));
    }
}
