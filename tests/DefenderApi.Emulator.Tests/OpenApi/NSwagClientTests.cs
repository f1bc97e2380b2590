using DefenderApi.Emulator.Tests.DropIn;

namespace DefenderApi.Emulator.Tests.OpenApi;

/// <summary>
/// The C# client NSwag generates from docs/openapi.json with its default settings (one client class per tag, from the
/// Azure-style operation ids) compiles as a project of its own, including the multipart library upload.
/// </summary>
public sealed class NSwagClientTests
{
    private const string NSwagVersion = "14.8.0";
    private const string NewtonsoftJsonVersion = "13.0.4";

    [Fact]
    public async Task GeneratedClient_CompilesWithoutErrors()
    {
        var nswag = await EnsureNSwagAsync();
        var folder = Directory.CreateTempSubdirectory("defenderapi-nswag-").FullName;
        var client = Path.Combine(folder, "DefenderApiClient.cs");
        var generate = await OutsideTool.RunAsync(nswag,
            ["openapi2csclient", "/input:" + Path.Combine(RepositoryFiles.Root, "docs", "openapi.json"), "/output:" + client, "/namespace:Defender.NSwag"],
            new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));
        Assert.True(generate.ExitCode == 0 && File.Exists(client), $"nswag openapi2csclient failed: {generate}");
        var code = await File.ReadAllTextAsync(client, TestContext.Current.CancellationToken);
        Assert.Contains("class FileParameter", code, StringComparison.Ordinal);
        Assert.Contains("UploadAsync(FileParameter file", code, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "Generated.csproj"), Project, TestContext.Current.CancellationToken);

        var build = await OutsideTool.RunAsync("dotnet", ["build", Path.Combine(folder, "Generated.csproj"), "-nologo", "-v", "q"],
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, TimeSpan.FromMinutes(8));

        Assert.True(build.ExitCode == 0, $"the NSwag client does not compile: {build}");
        Assert.Contains(" 0 Error(s)", build.Output, StringComparison.Ordinal);
    }

    private static async Task<string> EnsureNSwagAsync()
    {
        var folder = Path.Combine(RepositoryFiles.Root, ".tools", "nswag-" + NSwagVersion);
        var nswag = Path.Combine(folder, "nswag");
        if (!File.Exists(nswag))
        {
            var install = await OutsideTool.RunAsync("dotnet", ["tool", "install", "NSwag.ConsoleCore", "--version", NSwagVersion, "--tool-path", folder],
                new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"dotnet tool install NSwag.ConsoleCore failed: {install}");
        }

        return nswag;
    }

    // NSwag's default output serializes with Newtonsoft.Json and needs nothing else.
    private const string Project = $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>disable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="{NewtonsoftJsonVersion}" />
          </ItemGroup>
        </Project>
        """;
}
