using System.Reflection;

namespace DefenderApi.Emulator.Tool;

/// <summary>
/// <c>defender-emulator</c>: runs the emulator's own entry point, so the tool has exactly its start flags, CLI verbs,
/// <c>--version</c> and multicore JIT profile. Only the defaults that depend on where a tool is installed differ.
/// </summary>
internal static class ToolEntryPoint
{
    /// <summary>Where the emulator keeps its SQLite file, signing key and root certificate unless told otherwise.</summary>
    public static string DefaultDataDirectory { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "defenderapi", "emulator");

    public static int Main(string[] args)
    {
        // Settings from the environment rank below the command line, so --data-dir and --contentRoot still win.
        SetDefault("Emulator__DataDirectory", DefaultDataDirectory);
        // appsettings.json (log levels) ships beside the tool, not in the folder the command is run from.
        SetDefault("ASPNETCORE_CONTENTROOT", AppContext.BaseDirectory);
        SetDefault("ASPNETCORE_APPLICATIONNAME", typeof(Program).Assembly.GetName().Name!);

        var emulator = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("The emulator assembly has no entry point.");
        return (int)emulator.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [args], null)!;
    }

    private static void SetDefault(string variable, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
