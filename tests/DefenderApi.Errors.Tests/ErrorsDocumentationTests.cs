namespace DefenderApi.Errors.Tests;

/// <summary>docs/errors.md repeats the catalogue for readers; these tests keep the two identical.</summary>
public sealed class ErrorsDocumentationTests
{
    private const string Header = "| Code | HTTP status | Message template | Description | Origin |";

    [Fact]
    public void ErrorsDoc_Table_EqualsTheCatalogue()
    {
        var expected = ErrorCatalogue.All
            .Select(d => (d.Code.Value, d.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), d.MessageTemplate, d.Description, d.Origin.ToString()));

        Assert.Equal(expected, ReadTable());
    }

    private static List<(string Code, string Status, string Template, string Description, string Origin)> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "errors.md"));
        var header = Array.IndexOf(lines, Header);
        Assert.True(header >= 0, $"docs/errors.md has no table with the header '{Header}'.");

        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(ParseRow)];
    }

    private static (string, string, string, string, string) ParseRow(string line)
    {
        var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        Assert.True(cells.Length == 5, $"Expected 5 cells in '{line}'.");
        return (Unquote(cells[0]), cells[1], Unquote(cells[2]), cells[3], cells[4]);
    }

    private static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DefenderApi.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains DefenderApi.slnx.");
    }
}
