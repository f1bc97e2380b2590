using DefenderApi.Emulator.Cli;
using Spectre.Console;

namespace DefenderApi.Emulator.Tests.Cli;

/// <summary>One CLI run with recorded output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Console, string Error)
{
    public static async Task<CliRun> RunAsync(HttpMessageHandler handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var rich = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rich),
        });
        console.Profile.Width = 240;
        var exit = await EmulatorCommandLine.RunAsync(args, new CliHost(console, output, error, handler));
        return new CliRun(exit, output.ToString(), rich.ToString(), error.ToString());
    }
}
