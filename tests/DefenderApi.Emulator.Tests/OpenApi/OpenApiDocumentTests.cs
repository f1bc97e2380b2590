using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.OpenApi;

/// <summary>
/// docs/openapi.json must equal the document the emulator generates, so every API change shows in a diff.
/// Update it with: <c>UPDATE_OPENAPI=1 dotnet test --project tests/DefenderApi.Emulator.Tests --filter-class "*.OpenApiDocumentTests"</c>.
/// </summary>
public sealed class OpenApiDocumentTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Theory]
    [InlineData("defender", "openapi.json")]
    [InlineData("admin", "openapi-admin.json")]
    public async Task CommittedOpenApiDocument_EqualsTheGeneratedOne(string document, string file)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync($"/_emulator/openapi/{document}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var generated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", file);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(committed == generated,
            $"docs/{file} differs from the API the emulator serves. Review the change, then update the file with: " +
            "UPDATE_OPENAPI=1 dotnet test --project tests/DefenderApi.Emulator.Tests --filter-class \"*.OpenApiDocumentTests\"");
    }

    [Fact]
    public async Task ReferencePage_IsServedOnTheAdminApi()
    {
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync("/_emulator/reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<title>DefenderApi emulator</title>", page, StringComparison.Ordinal);
        var unescaped = page.Replace("\\u002F", "/", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal);
        Assert.Contains("openapi/defender.json", unescaped, StringComparison.Ordinal);
        Assert.Contains("openapi/admin.json", unescaped, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DefenderApi.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DefenderApi.slnx not found above the test binaries.");
    }
}
