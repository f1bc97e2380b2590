using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.OpenApi;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class EmulatorInfoTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task Info_ShowsTheOneVersionFromDirectoryBuildProps()
    {
        var declared = XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        using var client = await factory.CreateReadyClientAsync();

        var info = await client.GetFromJsonAsync<JsonElement>("/_emulator/info", TestContext.Current.CancellationToken);

        var version = info.GetProperty("version").GetString()!;
        Assert.Equal(EmulatorVersion.Current, version);
        Assert.True(version == declared || version.StartsWith(declared + "+", StringComparison.Ordinal), $"{version} is not {declared}");
    }
}
