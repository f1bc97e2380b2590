using DefenderApi.Emulator.DropIn;
using DefenderApi.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Tests.DropIn;

public sealed class DropInOptionsTests
{
    [Fact]
    public async Task HttpsAndPassthroughFlags_ReachTheBoundOptions_AndHttpsAddsTheHttpsAddress()
    {
        var builder = WebApplication.CreateBuilder(CommandLineArguments.Normalize(["--https", "--proxy-passthrough", "--in-memory"]));
        builder.AddEmulatorHost();
        builder.AddDropIn();
        await using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<DropInOptions>>().Value;

        Assert.True(options.Https);
        Assert.True(options.ProxyPassthrough);
        Assert.Equal($"{CommandLineArguments.DefaultUrl};{DropInOptions.DefaultHttpsUrl}", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData(StorageKind.Sqlite, null, "data/ca")]
    [InlineData(StorageKind.Sqlite, "elsewhere", "elsewhere")]
    public void CertificateFolder_IsCaInTheDataFolder_UnlessGiven(Enum storage, string? given, string expected)
    {
        var folder = new DropInOptions { CertificateDirectory = given }.ResolveCertificateDirectory(new EmulatorOptions { Storage = (StorageKind)storage });

        Assert.Equal(Path.GetFullPath(expected), folder);
    }

    [Fact]
    public void CertificateFolder_InMemory_IsPerUser()
    {
        var folder = new DropInOptions().ResolveCertificateDirectory(new EmulatorOptions { Storage = StorageKind.InMemory });

        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "defenderapi", "ca"), folder);
    }

    [Theory]
    [InlineData(new[] { "http://127.0.0.1:5310", "https://127.0.0.1:5311" }, "http://127.0.0.1:5310")]
    [InlineData(new[] { "https://127.0.0.1:443", "http://[::]:8080" }, "http://127.0.0.1:8080")]
    [InlineData(new[] { "https://127.0.0.1:443" }, null)]
    public void ProxyUrl_IsThePlainHttpAddress(string[] addresses, string? expected) =>
        Assert.Equal(expected, DropInExtensions.ProxyUrl(addresses));
}
