using System.Reflection;
using System.Runtime;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Multicore JIT for the emulator process. Each run records which methods start-up compiled, and the next run compiles
/// them on the other cores ahead of need (<see cref="ProfileOptimization"/>). Start-up is mostly first-time JIT, and
/// most of it runs on one thread: 1,000 machines on 2 cores, 0.3 s less in six interleaved pairs (bench/README.md).
/// The profile lives in the temp folder, one per emulator build; the runtime skips entries whose module changed, so a
/// stale profile costs nothing. Off in-process (the testing kit), where the process belongs to the user's test run.
/// </summary>
public static class StartupJitProfile
{
    /// <summary>Starts recording (and, if an earlier run left a profile, replaying) when this is the emulator process.</summary>
    public static void Start()
    {
        if (ProfilePath(Assembly.GetEntryAssembly()) is not { } path)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ProfileOptimization.SetProfileRoot(Path.GetDirectoryName(path)!);
            ProfileOptimization.StartProfile(Path.GetFileName(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only temp folder only loses the speed-up.
        }
    }

    /// <summary>Where this build's profile lives, or <see langword="null"/> when the emulator is not the entry assembly.</summary>
    /// <param name="entryAssembly">The process's entry assembly (a test host's, in-process).</param>
    /// <returns>The profile path, or <see langword="null"/>.</returns>
    public static string? ProfilePath(Assembly? entryAssembly)
    {
        var emulator = typeof(StartupJitProfile).Assembly;
        return entryAssembly == emulator
            ? Path.Combine(Path.GetTempPath(), "defenderapi-jit", $"emulator-{emulator.ManifestModule.ModuleVersionId:N}.jitprofile")
            : null;
    }
}
