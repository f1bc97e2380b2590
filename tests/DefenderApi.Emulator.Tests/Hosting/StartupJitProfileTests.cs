using System.Reflection;
using DefenderApi.Emulator.Hosting;

namespace DefenderApi.Emulator.Tests.Hosting;

public sealed class StartupJitProfileTests
{
    [Fact]
    public void ProfilePath_InATestHost_IsNull_SoTheUsersProcessIsNotProfiled() =>
        Assert.Null(StartupJitProfile.ProfilePath(Assembly.GetEntryAssembly()));

    [Fact]
    public void ProfilePath_ForTheEmulatorProcess_IsOneFilePerBuildInTheTempFolder()
    {
        var emulator = typeof(StartupJitProfile).Assembly;

        var path = StartupJitProfile.ProfilePath(emulator);

        Assert.Equal(
            Path.Combine(Path.GetTempPath(), "defenderapi-jit", $"emulator-{emulator.ManifestModule.ModuleVersionId:N}.jitprofile"),
            path);
    }

    [Fact]
    public void ProfilePath_ForTheDefenderEmulatorToolProcess_IsTheEmulatorBuildsProfile()
    {
        var emulator = typeof(StartupJitProfile).Assembly;
        var tool = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(StartupJitProfile.ToolAssemblyName), System.Reflection.Emit.AssemblyBuilderAccess.Run);

        var path = StartupJitProfile.ProfilePath(tool);

        Assert.Equal(StartupJitProfile.ProfilePath(emulator), path);
    }

    [Fact]
    public void PruneStale_DeletesOtherBuildsOldProfiles_KeepsThisBuildsAndRecentOnes()
    {
        var directory = Directory.CreateTempSubdirectory("defender-jit-").FullName;
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        string Profile(string name, TimeSpan age)
        {
            var file = Path.Combine(directory, name);
            File.WriteAllText(file, "profile");
            File.SetLastWriteTimeUtc(file, (now - age).UtcDateTime);
            return file;
        }

        var current = Profile("emulator-current.jitprofile", TimeSpan.FromDays(30));
        var recent = Profile("emulator-recent.jitprofile", TimeSpan.FromDays(6));
        var stale = Profile("emulator-stale.jitprofile", TimeSpan.FromDays(8));
        var unrelated = Profile("notes.txt", TimeSpan.FromDays(30));

        StartupJitProfile.PruneStale(directory, "emulator-current.jitprofile", now);

        Assert.True(File.Exists(current));
        Assert.True(File.Exists(recent));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(unrelated));
        Directory.Delete(directory, recursive: true);
    }
}
