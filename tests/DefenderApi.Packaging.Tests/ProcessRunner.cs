using System.Diagnostics;

namespace DefenderApi.Packaging.Tests;

/// <summary>Runs a program to its end (or its time limit) and keeps what it printed.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessRun> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment, TimeSpan limit)
    {
        using var process = Process.Start(StartInfo(program, arguments, workingDirectory, environment))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {limit.TotalSeconds:0} s: {await output}\n{await error}");
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }

    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}

/// <summary>One finished run.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}
