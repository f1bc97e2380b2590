using System.Reflection;
using System.Runtime;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Multicore JIT for the emulator process. Each run records which methods start-up compiled, and the next run compiles
/// them on the other cores ahead of need (<see cref="ProfileOptimization"/>). Start-up is mostly first-time JIT, and
/// most of it runs on one thread: 1,000 machines on 2 cores, median 2.88 → 2.54 s in four ABBA rounds (bench/README.md).
/// The profile lives in the temp folder, one per emulator build; other builds' profiles are pruned a week after their
/// last write. The runtime skips entries whose module changed, so a stale profile costs nothing. Off in-process (the
/// testing kit), where the process belongs to the user's test run.
/// </summary>
internal static class StartupJitProfile
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
            var directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            PruneStale(directory, Path.GetFileName(path), TimeProvider.System.GetUtcNow());
            ProfileOptimization.SetProfileRoot(directory);
            ProfileOptimization.StartProfile(Path.GetFileName(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only temp folder only loses the speed-up.
        }
    }

    /// <summary>
    /// Deletes other builds' profiles not written for <see cref="StaleAfter"/>, so a machine that builds often (CI) does
    /// not collect one file per build.
    /// </summary>
    /// <param name="directory">The profile folder.</param>
    /// <param name="keep">This build's profile file name.</param>
    /// <param name="now">The current time.</param>
    public static void PruneStale(string directory, string keep, DateTimeOffset now)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "emulator-*.jitprofile"))
        {
            if (Path.GetFileName(file) != keep && now - File.GetLastWriteTimeUtc(file) > StaleAfter)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>How long another build's profile is kept after its last write.</summary>
    public static TimeSpan StaleAfter { get; } = TimeSpan.FromDays(7);

    /// <summary>The assembly of the <c>defender-emulator</c> .NET tool, which runs the emulator's entry point in a process of its own.</summary>
    public const string ToolAssemblyName = "DefenderApi.Emulator.Tool";

    /// <summary>
    /// Where this build's profile lives, or <see langword="null"/> when the process is not the emulator's (neither the
    /// emulator nor the <c>defender-emulator</c> tool is the entry assembly).
    /// </summary>
    /// <param name="entryAssembly">The process's entry assembly (a test host's, in-process).</param>
    /// <returns>The profile path, or <see langword="null"/>.</returns>
    public static string? ProfilePath(Assembly? entryAssembly)
    {
        var emulator = typeof(StartupJitProfile).Assembly;
        return entryAssembly == emulator || entryAssembly?.GetName().Name == ToolAssemblyName
            ? Path.Combine(Path.GetTempPath(), "defenderapi-jit", $"emulator-{emulator.ManifestModule.ModuleVersionId:N}.jitprofile")
            : null;
    }
}
