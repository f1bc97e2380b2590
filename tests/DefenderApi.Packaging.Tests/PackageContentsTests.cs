using System.IO.Compression;
using System.Xml.Linq;

namespace DefenderApi.Packaging.Tests;

/// <summary>What each package holds: its assemblies, docs, README, license and repository metadata, symbols, and nothing from tests or benchmarks.</summary>
public sealed class PackageContentsTests(LocalFeed feed)
{
    [Theory]
    [InlineData("DefenderApi.Errors")]
    [InlineData("DefenderApi.Client")]
    [InlineData("DefenderApi.Testing")]
    [InlineData("DefenderApi.Emulator.Tool")]
    public void Pack_PrintsNoWarning(string id)
    {
        var run = feed.PackRuns[id];

        Assert.True(run.ExitCode == 0, $"dotnet pack {id} failed: {run}");
        Assert.DoesNotContain(": warning ", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("DefenderApi.Errors")]
    [InlineData("DefenderApi.Client")]
    [InlineData("DefenderApi.Testing")]
    [InlineData("DefenderApi.Emulator.Tool")]
    public void Package_HasReadmeLicenseRepositoryAndNoTestOrBenchAssemblies(string id)
    {
        using var package = ZipFile.OpenRead(feed.PathOf(id));
        var files = package.Entries.Select(e => e.FullName).ToList();
        var metadata = Nuspec(package).Element(Ns(package) + "metadata")!;

        Assert.Contains("README.md", files);
        Assert.Equal("README.md", metadata.Element(Ns(package) + "readme")?.Value);
        Assert.Equal("MIT", metadata.Element(Ns(package) + "license")?.Value);
        Assert.Equal(feed.Version, metadata.Element(Ns(package) + "version")?.Value);
        var repository = metadata.Element(Ns(package) + "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository?.Attribute("commit")?.Value ?? string.Empty);
        Assert.DoesNotContain(files, f => f.Contains(".Tests", StringComparison.OrdinalIgnoreCase)
            || f.Contains("Benchmark", StringComparison.OrdinalIgnoreCase) || f.Contains("Ceiling", StringComparison.OrdinalIgnoreCase)
            || f.Contains("Fuzz", StringComparison.OrdinalIgnoreCase) || f.Contains("WireMock", StringComparison.OrdinalIgnoreCase)
            || f.Contains("Samples", StringComparison.OrdinalIgnoreCase) || f.Contains("MigrationsTool", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("DefenderApi.Errors")]
    [InlineData("DefenderApi.Client")]
    public void Library_ShipsItsAssemblyWithXmlDocsAndSymbols(string id)
    {
        using var package = ZipFile.OpenRead(feed.PathOf(id));
        using var symbols = ZipFile.OpenRead(feed.PathOf(id, "snupkg"));

        Assert.Equal(
            [$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"],
            package.Entries.Select(e => e.FullName).Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void TestingKit_CarriesTheEmulator_ButUsersCompileAgainstTheKitAlone()
    {
        using var package = ZipFile.OpenRead(feed.PathOf("DefenderApi.Testing"));
        var files = package.Entries.Select(e => e.FullName).ToList();
        var dependencies = Nuspec(package).Descendants(Ns(package) + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        Assert.Equal(
            ["lib/net10.0/DefenderApi.Emulator.dll", "lib/net10.0/DefenderApi.Hunting.dll", "lib/net10.0/DefenderApi.Testing.dll", "lib/net10.0/DefenderApi.Testing.xml"],
            files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["ref/net10.0/DefenderApi.Testing.dll", "ref/net10.0/DefenderApi.Testing.xml"],
            files.Where(f => f.StartsWith("ref/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("buildTransitive/DefenderApi.Emulator.deps.json", files);
        Assert.Contains("buildTransitive/DefenderApi.Testing.targets", files);
        Assert.Contains("DefenderApi.Client", dependencies);
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite", dependencies);
        Assert.Contains("Microsoft.AspNetCore.Mvc.Testing", dependencies);
        Assert.DoesNotContain("DefenderApi.Emulator", dependencies);
        Assert.DoesNotContain("DefenderApi.Hunting", dependencies);
    }

    [Fact]
    public void Tool_IsTheDefenderEmulatorCommand()
    {
        using var package = ZipFile.OpenRead(feed.PathOf("DefenderApi.Emulator.Tool"));
        var files = package.Entries.Select(e => e.FullName).ToList();
        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());

        Assert.Equal("defender-emulator", settings.Descendants("Command").Single().Attribute("Name")?.Value);
        Assert.Contains("tools/net10.0/any/DefenderApi.Emulator.Tool.dll", files);
        Assert.Contains("tools/net10.0/any/DefenderApi.Emulator.dll", files);
        Assert.Contains("tools/net10.0/any/appsettings.json", files);
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!;
    }

    private static XNamespace Ns(ZipArchive package) => Nuspec(package).Name.Namespace;
}
