using System.Reflection;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// The version of this build: Directory.Build.props's <c>Version</c>, shared by every package and the tool, with the
/// source revision the SDK appends (<c>1.0.0+3f2a…</c>). <c>--version</c> prints the same informational version.
/// </summary>
internal static class EmulatorVersion
{
    /// <summary>The informational version of the emulator assembly.</summary>
    public static string Current { get; } =
        typeof(EmulatorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
