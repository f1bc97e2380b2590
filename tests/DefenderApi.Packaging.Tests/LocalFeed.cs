using System.Xml.Linq;

[assembly: AssemblyFixture(typeof(DefenderApi.Packaging.Tests.LocalFeed))]

namespace DefenderApi.Packaging.Tests;

/// <summary>
/// Every package of the repository packed once (Release) into a temporary folder feed, and a NuGet configuration that
/// takes DefenderApi.* from that feed only, everything else from nuget.org, with a global packages folder of its own
/// (the machine's is only a read-only fallback) so no earlier package of the same version is reused.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    /// <summary>The package ids and the projects that produce them.</summary>
    public static IReadOnlyDictionary<string, string> Packages { get; } = new Dictionary<string, string>
    {
        ["DefenderApi.Errors"] = "src/DefenderApi.Errors/DefenderApi.Errors.csproj",
        ["DefenderApi.Client"] = "src/DefenderApi.Client/DefenderApi.Client.csproj",
        ["DefenderApi.Testing"] = "src/DefenderApi.Testing/DefenderApi.Testing.csproj",
        ["DefenderApi.Emulator.Tool"] = "src/DefenderApi.Emulator.Tool/DefenderApi.Emulator.Tool.csproj",
    };

    public string Root { get; } = Directory.CreateTempSubdirectory("defenderapi-feed-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string NuGetConfig => Path.Combine(Root, "nuget.config");

    public string PackagesFolder => Path.Combine(Root, "packages");

    /// <summary>The one version of every package (Directory.Build.props).</summary>
    public string Version { get; } = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>What each <c>dotnet pack</c> printed.</summary>
    public IReadOnlyDictionary<string, ProcessRun> PackRuns => _packRuns;

    private readonly Dictionary<string, ProcessRun> _packRuns = [];

    /// <summary>The environment for restores and tool installs against the feed.</summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    public string PathOf(string packageId, string extension = "nupkg") => Path.Combine(Feed, $"{packageId}.{Version}.{extension}");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var (id, project) in Packages)
        {
            // One at a time: each reuses what the previous one built.
            _packRuns[id] = await ProcessRunner.RunAsync("dotnet", ["pack", Path.Combine(Repository.Root, project), "-c", "Release", "-o", Feed, "-nologo"],
                Repository.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(20));
        }

        var machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var config = new XDocument(new XElement("configuration",
            new XElement("packageSources", new XElement("clear"),
                new XElement("add", new XAttribute("key", "local"), new XAttribute("value", Feed)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "local"), new XElement("package", new XAttribute("pattern", "DefenderApi.*"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"), new XElement("package", new XAttribute("pattern", "*")))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", machinePackages)))));
        config.Save(NuGetConfig);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is ending: the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
