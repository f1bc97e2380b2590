using System.Text.RegularExpressions;

namespace DefenderApi.Client.Tests.Snippets;

public sealed partial class ReadmeSnippetsTests
{
    [Fact]
    public void EveryCompiledSnippet_AppearsVerbatimInTheReadme()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var snippets = File.ReadAllText(Path.Combine(root, "tests", "DefenderApi.Client.Tests", "Snippets", "ReadmeSnippets.cs")).ReplaceLineEndings("\n");

        var regions = Region().Matches(snippets);

        Assert.Equal(6, regions.Count);
        foreach (Match region in regions)
        {
            Assert.Contains("```csharp\n" + Dedent(region.Groups["body"].Value) + "\n```", readme, StringComparison.Ordinal);
        }
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DefenderApi.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DefenderApi.slnx not found above the test output.");
    }

    [GeneratedRegex(@"#region \S+\n(?<body>.*?)\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();
}
