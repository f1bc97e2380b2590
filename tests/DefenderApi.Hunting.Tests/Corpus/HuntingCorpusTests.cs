using System.Globalization;
using DefenderApi.Errors;

namespace DefenderApi.Hunting.Tests.Corpus;

/// <summary>
/// Runs every query of HuntingCorpus.kql against the demo data: at least 98 % must run, and every one that does not must
/// fail with a 400 that names what is not supported (never another exception, never a 500).
/// </summary>
[Collection(HuntingDataCollection.Name)]
public sealed class HuntingCorpusTests(HuntingDataFixture data)
{
    private static IReadOnlyList<string> Queries { get; } =
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "HuntingCorpus.kql"))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith("//", StringComparison.Ordinal)),
    ];

    [Fact]
    public void Corpus_HasAtLeast300DistinctQueries() => Assert.True(Queries.Distinct(StringComparer.Ordinal).Count() >= 300, $"{Queries.Count} queries");

    [Fact]
    public void Corpus_AtLeast98PercentRun_AndTheRestAreRefusedByName()
    {
        var refused = new List<string>();
        foreach (var query in Queries)
        {
            try
            {
                data.Run(query);
            }
            catch (DefenderErrorException e)
            {
                refused.Add($"{query}\n    -> {e.Error.Status}: {e.Error.Message}");
            }
        }

        var share = (double)(Queries.Count - refused.Count) / Queries.Count;
        var report = string.Create(CultureInfo.InvariantCulture, $"hunting corpus: {Queries.Count - refused.Count} of {Queries.Count} queries run ({share:P1})");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        foreach (var line in refused)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        Assert.True(share >= 0.98, report + "\n" + string.Join("\n", refused));
        Assert.All(refused, line => Assert.Contains("400: Semantic error", line, StringComparison.Ordinal));
        Assert.All(refused, line => Assert.Contains("is not supported", line, StringComparison.Ordinal));
    }
}
