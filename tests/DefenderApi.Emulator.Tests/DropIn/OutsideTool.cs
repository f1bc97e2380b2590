using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>
/// A program outside .NET's test process (curl, Debian's Python with MSAL, PowerShell) run as a user would: unchanged
/// scripts, with only the environment pointing them at the emulator. A missing tool fails the test with what to
/// install (.ci/run installs them all), never skips it.
/// </summary>
internal static class OutsideTool
{
    public static string Curl => Require("/usr/bin/curl", "curl is missing: apt-get install -y curl (.ci/run installs it).");

    public static async Task<string> PythonWithMsalAsync()
    {
        var python = Require("/usr/bin/python3", "Debian's python3 is missing: apt-get install -y python3-msal python3-requests (.ci/run installs them).");
        var probe = await RunAsync(python, ["-c", "import msal, requests"], new Dictionary<string, string?>());
        Assert.True(probe.ExitCode == 0, $"Debian's python3-msal or python3-requests is missing ({probe.Error.Trim()}): apt-get install -y python3-msal python3-requests (.ci/run installs them).");
        return python;
    }

    public static string PowerShell
    {
        get
        {
            var local = Path.Combine(RepositoryRoot, ".tools", "pwsh");
            var found = File.Exists(local) ? local
                : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "pwsh")).FirstOrDefault(File.Exists);
            return found ?? throw new Xunit.Sdk.XunitException(
                $"PowerShell is missing: dotnet tool install PowerShell --version 7.6.10 --tool-path {Path.Combine(RepositoryRoot, ".tools")} (.ci/run installs it).");
        }
    }

    /// <summary>The folder of this test project's client scripts (copied beside the test assembly).</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "DropIn", "Clients", name);

    /// <summary>The environment an unchanged client gets from <c>env</c>: the proxy and trust in the emulator's root only.</summary>
    public static Dictionary<string, string?> ProxyEnvironment(DropInFactory emulator)
    {
        var proxy = emulator.ProxyUri.ToString().TrimEnd('/');
        return new Dictionary<string, string?>
        {
            ["HTTPS_PROXY"] = proxy,
            ["https_proxy"] = proxy,
            ["SSL_CERT_FILE"] = emulator.RootPath,
            ["REQUESTS_CA_BUNDLE"] = emulator.RootPath,
        };
    }

    public static Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string?> environment) =>
        RunAsync(program, arguments, environment, TimeSpan.FromSeconds(90));

    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string?> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the test machine's own proxy or trust settings leaks in.
        foreach (var name in new[] { "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
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
            throw new TimeoutException($"{program} did not finish in {limit.TotalSeconds:0} s: {await error}");
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DefenderApi.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (DefenderApi.slnx) was not found above the test assembly.");
        }
    }

    private static string Require(string path, string message)
    {
        Assert.True(File.Exists(path), message);
        return path;
    }
}

/// <summary>One finished run of an outside tool.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}
