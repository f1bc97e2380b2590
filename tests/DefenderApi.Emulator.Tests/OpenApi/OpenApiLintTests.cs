using System.Text.Json.Nodes;

namespace DefenderApi.Emulator.Tests.OpenApi;

/// <summary>
/// Both committed documents (which <see cref="OpenApiDocumentTests"/> keeps equal to the served ones) pass Spectral's
/// <c>spectral:oas</c> and Redocly's <c>recommended</c> rules with no error; warnings are written to the test output.
/// </summary>
public sealed class OpenApiLintTests
{
    public static TheoryData<string> Documents => new() { "openapi.json", "openapi-admin.json" };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_HasNoSpectralOasError(string file)
    {
        await NodeLinters.EnsureInstalledAsync();
        var folder = Directory.CreateTempSubdirectory("defenderapi-spectral-").FullName;
        var ruleset = Path.Combine(folder, ".spectral.json");
        await File.WriteAllTextAsync(ruleset, """{ "extends": ["spectral:oas"] }""", TestContext.Current.CancellationToken);
        var report = Path.Combine(folder, "report.json");

        var run = await DropIn.OutsideTool.RunAsync(NodeLinters.Spectral,
            ["lint", Document(file), "--ruleset", ruleset, "--format", "json", "--output", report, "--fail-severity", "error", "--quiet"],
            NodeLinters.Quiet, TimeSpan.FromMinutes(2));

        var results = File.Exists(report) ? JsonNode.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken))!.AsArray() : [];
        var lines = results.Select(r => $"{Severity(r!["severity"]!.GetValue<int>())} {r["code"]} {string.Join('.', r["path"]!.AsArray())}: {r["message"]}").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"Spectral on {file}: {lines.Count} findings\n{string.Join('\n', lines)}");
        Assert.True(run.ExitCode == 0, $"Spectral failed on {file}: {run}");
        Assert.DoesNotContain(lines, l => l.StartsWith("error", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_HasNoRedoclyRecommendedError(string file)
    {
        await NodeLinters.EnsureInstalledAsync();

        var run = await DropIn.OutsideTool.RunAsync(NodeLinters.Redocly,
            ["lint", Document(file), "--extends", "recommended", "--format", "json"],
            NodeLinters.Quiet, TimeSpan.FromMinutes(2));

        var report = JsonNode.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        var problems = report["problems"]?.AsArray() ?? [];
        var lines = problems.Select(p => $"{p!["severity"]} {p["ruleId"]} {p["location"]?[0]?["pointer"]}: {p["message"]}").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"Redocly on {file}: {report["totals"]?.ToJsonString()}\n{string.Join('\n', lines)}");
        Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
    }

    private static string Document(string file) => Path.Combine(RepositoryFiles.Root, "docs", file);

    private static string Severity(int severity) => severity switch { 0 => "error", 1 => "warning", 2 => "info", _ => "hint" };
}
