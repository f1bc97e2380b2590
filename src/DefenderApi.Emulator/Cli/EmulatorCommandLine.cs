using System.CommandLine;

namespace DefenderApi.Emulator.Cli;

/// <summary>
/// The emulator executable's commands besides plain start: <c>token</c>, <c>reset</c>, <c>snapshot</c>, <c>load</c>,
/// <c>faults</c>, <c>scenario</c>, each talking to a running emulator, and <c>certs</c> and <c>env</c> for the drop-in mode.
/// Anything else on the command line starts the emulator.
/// </summary>
internal static class EmulatorCommandLine
{
    /// <summary>The command names.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["token", "reset", "snapshot", "load", "faults", "scenario", "certs", "env"];

    /// <summary>Whether the arguments ask for a command or help rather than starting the emulator.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns><see langword="true"/> for a command, <c>--help</c> or <c>--version</c>.</returns>
    public static bool IsToolCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "--help" or "-h" or "-?" or "/?" or "--version");
    }

    /// <summary>Runs a command.</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="host">Where to write and how to connect (default: the process console, real connections).</param>
    /// <returns>The exit code: 0 done, 1 refused or unreachable emulator, other values for usage errors.</returns>
    public static Task<int> RunAsync(string[] args, CliHost? host = null)
    {
        host ??= CliHost.Default;
        return Create(host).Parse(args).InvokeAsync(new InvocationConfiguration { Output = host.Output, Error = host.Error });
    }

    /// <summary>The command tree, with the start options documented on the root.</summary>
    /// <param name="host">Where commands write and how they connect.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(CliHost host)
    {
        var root = new RootCommand("""
            DefenderApi: a local emulator of the Microsoft Defender for Endpoint API.
            Without a command it starts the emulator (the options below); with one it talks to a running emulator.
            """)
        {
            StartOption<string>("--urls", "Where to listen (default http://127.0.0.1:5310)"),
            StartOption<bool>("--in-memory", "Keep everything in memory instead of an SQLite file"),
            StartOption<string>("--seed", "Start data of the default tenant: demo (default) or none"),
            StartOption<bool>("--virtual-clock", "Time moves only through POST /_emulator/clock/advance"),
            StartOption<string>("--data-dir", "Folder of the SQLite file, the signing key and the root certificate (default ./data)"),
            StartOption<bool>("--https", "Also serve HTTPS (https://127.0.0.1:5311, or an https:// URL in --urls) on Microsoft's host names"),
            StartOption<bool>("--proxy-passthrough", "Relay CONNECTs to hosts the emulator does not serve instead of refusing them"),
            CliOptions.Emulator,
            CliOptions.AdminKey,
            TokenCommand.Create(host),
            StoreCommands.Reset(host),
            StoreCommands.Snapshot(host),
            LoadCommand.Create(host),
            FaultsCommand.Create(host),
            ScenarioCommand.Create(host),
            CertsCommand.Certs(host),
            CertsCommand.Env(host),
        };
        return root;
    }

    // Start options are parsed by the host, not here: they are declared so --help lists them.
    private static Option<T> StartOption<T>(string name, string description) => new(name) { Description = description };
}
