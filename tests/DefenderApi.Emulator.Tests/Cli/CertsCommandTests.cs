using System.Security.Cryptography.X509Certificates;

namespace DefenderApi.Emulator.Tests.Cli;

/// <summary><c>certs</c> and <c>env</c>: the root and the lines that send unchanged clients to the emulator.</summary>
public sealed class CertsCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("defenderapi-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Certs_WritesTheRootInTheDataFolder_AndPrintsItsPath_TheSameRootEachTime()
    {
        var first = await CliRun.RunAsync(new HttpClientHandler(), "certs", "--data-dir", _data);
        var second = await CliRun.RunAsync(new HttpClientHandler(), "certs", "--data-dir", _data);

        Assert.Equal(0, first.ExitCode);
        var path = first.Output.Trim();
        Assert.Equal(Path.Combine(_data, "ca", "root.pem"), path);
        Assert.Equal(path, second.Output.Trim());
        using var root = X509CertificateLoader.LoadCertificateFromFile(path);
        Assert.Contains(root.Extensions, e => e.Oid?.Value == "2.5.29.30" && e.Critical);
    }

    [Fact]
    public async Task Env_ForBash_PrintsTheProxyAndTheTrustVariables()
    {
        var run = await CliRun.RunAsync(new HttpClientHandler(), "env", "--data-dir", _data, "--emulator", "http://127.0.0.1:5999");

        Assert.Equal(0, run.ExitCode);
        var ca = Path.Combine(_data, "ca");
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(
        [
            "export HTTPS_PROXY='http://127.0.0.1:5999'",
            "export NO_PROXY='localhost,127.0.0.1,::1'",
            $"export SSL_CERT_FILE='{ca}/bundle.pem'",
            $"export REQUESTS_CA_BUNDLE='{ca}/bundle.pem'",
            $"export CURL_CA_BUNDLE='{ca}/bundle.pem'",
            $"export NODE_EXTRA_CA_CERTS='{ca}/root.pem'",
            $"export SSL_CERT_DIR='{ca}/certs{(Directory.Exists("/etc/ssl/certs") ? ":/etc/ssl/certs" : string.Empty)}'",
        ], lines);
        Assert.EndsWith(File.ReadAllText(Path.Combine(ca, "root.pem")), File.ReadAllText(Path.Combine(ca, "bundle.pem")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pwsh", "$env:HTTPS_PROXY = 'http://127.0.0.1:5310'")]
    [InlineData("cmd", "set HTTPS_PROXY=http://127.0.0.1:5310")]
    public async Task Env_ForOtherShells_UsesTheirSyntax(string shell, string proxyLine)
    {
        var run = await CliRun.RunAsync(new HttpClientHandler(), "env", "--shell", shell, "--data-dir", _data);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(proxyLine, run.Output.Split(Environment.NewLine));
    }
}
