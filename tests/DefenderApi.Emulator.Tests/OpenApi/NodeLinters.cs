using DefenderApi.Emulator.Tests.DropIn;

namespace DefenderApi.Emulator.Tests.OpenApi;

/// <summary>
/// Spectral and Redocly CLI, pinned, installed once from the npm registry into the repository's <c>.tools/npm</c>
/// (by .ci/run, or by the first test that needs them) and reused by every later run.
/// </summary>
internal static class NodeLinters
{
    public const string SpectralPackage = "@stoplight/spectral-cli@6.16.3";
    public const string RedoclyPackage = "@redocly/cli@2.77.0";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder => Path.Combine(RepositoryFiles.Root, ".tools", "npm");

    public static string Spectral => Path.Combine(Folder, "node_modules", ".bin", "spectral");

    public static string Redocly => Path.Combine(Folder, "node_modules", ".bin", "redocly");

    /// <summary>Installs both linters unless this version of them is already there.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var marker = Path.Combine(Folder, $"installed-{SpectralPackage.Replace('/', '_')}-{RedoclyPackage.Replace('/', '_')}");
            if (File.Exists(marker) && File.Exists(Spectral) && File.Exists(Redocly))
            {
                return;
            }

            var npm = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "npm")).FirstOrDefault(File.Exists)
                ?? throw new Xunit.Sdk.XunitException("npm is missing: apt-get install -y nodejs npm (.ci/run installs it).");
            Directory.CreateDirectory(Folder);
            var run = await OutsideTool.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--prefix", Folder, SpectralPackage, RedoclyPackage], Quiet, TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, $"npm install of the OpenAPI linters failed: {run}");
            await File.WriteAllTextAsync(marker, string.Empty, TestContext.Current.CancellationToken);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>No telemetry and no update checks from the linters.</summary>
    public static Dictionary<string, string?> Quiet { get; } = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_UPDATE_NOTIFIER"] = "1",
        ["npm_config_update_notifier"] = "false",
    };
}
