using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Dashboard;

/// <summary>The dashboard's files come from the emulator's assembly, with a policy that allows only them.</summary>
public sealed class DashboardFilesTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Theory]
    [InlineData("/_emulator/ui/", "text/html")]
    [InlineData("/_emulator/ui/app.js", "text/javascript")]
    [InlineData("/_emulator/ui/journal.js", "text/javascript")]
    [InlineData("/_emulator/ui/style.css", "text/css")]
    public async Task DashboardFile_IsServedWithItsTypeAndAStrictPolicy(string path, string mediaType)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'; script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task DashboardWithoutTrailingSlash_RedirectsToTheFolder()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync("/_emulator/ui");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/_emulator/ui/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownDashboardFile_Returns404_ResourceNotFound_NamingIt()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync("/_emulator/ui/nothing.js");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Contains("nothing.js", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardFiles_HoldNoSecret()
    {
        using var client = await factory.CreateReadyClientAsync();
        foreach (var file in new[] { "", "app.js", "journal.js", "errors.js", "faults.js", "actions.js", "tenants.js", "clock.js" })
        {
            var text = await client.GetStringAsync($"/_emulator/ui/{file}");
            Assert.DoesNotContain(DefenderApi.Emulator.Tenancy.DefaultTenant.ClientSecret, text, StringComparison.Ordinal);
        }
    }
}
