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
}
