using System.CommandLine;
using DefenderApi.Emulator.DropIn;
using DefenderApi.Emulator.Hosting;

namespace DefenderApi.Emulator.Cli;

/// <summary>
/// <c>certs</c> and <c>env</c>: the emulator's root certificate (created on first use, the same one <c>--https</c> and
/// the proxy use) and the environment lines that send an unchanged client to the emulator. Neither needs a running
/// emulator.
/// </summary>
internal static class CertsCommand
{
    private static readonly Option<string> DataDirectory = new("--data-dir")
    {
        Description = "The emulator's data folder; its root is in ca/ there (default ./data; the defender-emulator tool's per-user folder)",
        // The tool sets its per-user default through the environment, as the emulator it starts reads it.
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Emulator__DataDirectory") is { Length: > 0 } configured ? configured : new EmulatorOptions().DataDirectory,
    };

    private static readonly Option<bool> InMemory = new("--in-memory") { Description = "The root an --in-memory emulator uses (a per-user folder)" };

    private static readonly Option<string?> CertificateDirectory = new("--cert-dir") { Description = "The root's folder, when the emulator was given one" };

    public static Command Certs(CliHost host)
    {
        var command = new Command("certs", "Write the emulator's root certificate (PEM) and print its path") { DataDirectory, InMemory, CertificateDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = WriteTrustFiles(parse);
            await host.Output.WriteLineAsync(files.Root.AsMemory(), cancellationToken);
            await host.Error.WriteLineAsync($"Trust it to reach the emulator as Microsoft's hosts; `env` prints the lines (bundle with the public roots: {files.Bundle}).".AsMemory(), cancellationToken);
            return 0;
        });
        return command;
    }

    public static Command Env(CliHost host)
    {
        var shell = new Option<string>("--shell")
        {
            Description = "The shell the lines are for: bash (default), pwsh or cmd",
            DefaultValueFactory = _ => "bash",
        };
        shell.AcceptOnlyFromAmong("bash", "pwsh", "cmd");
        var command = new Command("env", "Print the environment lines that send unchanged clients to the emulator (proxy and trust)")
        {
            shell, DataDirectory, InMemory, CertificateDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = WriteTrustFiles(parse);
            var proxy = parse.GetRequiredValue(CliOptions.Emulator).GetLeftPart(UriPartial.Authority);
            var certificateFolders = TrustFiles.SystemCertificateFolder is { } system ? $"{files.CertificateFolder}:{system}" : files.CertificateFolder;
            var lines = EnvironmentLines.For(parse.GetRequiredValue(shell), proxy, files, certificateFolders);
            await host.Output.WriteAsync(lines.AsMemory(), cancellationToken);
            return 0;
        });
        return command;
    }

    private static TrustFiles WriteTrustFiles(ParseResult parse)
    {
        var emulator = new EmulatorOptions
        {
            DataDirectory = parse.GetRequiredValue(DataDirectory),
            Storage = parse.GetValue(InMemory) ? StorageKind.InMemory : StorageKind.Sqlite,
        };
        var directory = new DropInOptions { CertificateDirectory = parse.GetValue(CertificateDirectory) }.ResolveCertificateDirectory(emulator);
        using var authority = CertificateAuthority.LoadOrCreate(directory, TimeProvider.System);
        return TrustFiles.Write(authority);
    }
}

/// <summary>The lines <c>env</c> prints, per shell.</summary>
internal static class EnvironmentLines
{
    public static string For(string shell, string proxy, TrustFiles files, string certificateFolders)
    {
        var comment = shell == "cmd" ? "rem" : "#";
        var lines = new List<string>
        {
            $"{comment} Send HTTPS for Microsoft's hosts through the emulator (HTTP_PROXY is not needed: the APIs are HTTPS only).",
            Set(shell, "HTTPS_PROXY", proxy),
            Set(shell, "NO_PROXY", "localhost,127.0.0.1,::1"),
            $"{comment} Trust the emulator's root: OpenSSL clients (Python's ssl, Go), Python requests/MSAL/azure-identity and curl read a bundle,",
            Set(shell, "SSL_CERT_FILE", files.Bundle),
            Set(shell, "REQUESTS_CA_BUNDLE", files.Bundle),
            Set(shell, "CURL_CA_BUNDLE", files.Bundle),
            $"{comment} Node.js adds one certificate to its own roots,",
            Set(shell, "NODE_EXTRA_CA_CERTS", files.Root),
            $"{comment} .NET on Linux (HttpClient, Azure.Identity, MSAL.NET, PowerShell) reads certificate folders (SSL_CERT_FILE above works too).",
            Set(shell, "SSL_CERT_DIR", certificateFolders),
        };
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Set(string shell, string name, string value) => shell switch
    {
        "pwsh" => $"$env:{name} = '{value.Replace("'", "''", StringComparison.Ordinal)}'",
        "cmd" => $"set {name}={value}",
        _ => $"export {name}='{value.Replace("'", "'\\''", StringComparison.Ordinal)}'",
    };
}
