using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Hosting;

public sealed class ErrorPipelineTests : IClassFixture<ErrorPipelineTests.Factory>
{
    private readonly Factory _factory;

    public ErrorPipelineTests(Factory factory) => _factory = factory;

    public sealed class Factory : EmulatorFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Emulator:MaxRequestHeaderBytes", "2048");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ProbeEndpoints>());
        }
    }

    [Fact]
    public async Task Health_WhenStartupComplete_Returns200Ready()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.GetAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiPath_Returns404_NotFound_WithAFreshGuidTargetEachTime()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var first = await client.GetAsync("/api/no-such-thing");
        using var second = await client.GetAsync("/api/no-such-thing");

        var a = await ErrorAssert.IsErrorAsync(first, HttpStatusCode.NotFound, "NotFound", "No resource matches GET /api/no-such-thing");
        var b = await ErrorAssert.IsErrorAsync(second, HttpStatusCode.NotFound, "NotFound");
        Assert.NotEqual(a.Target, b.Target);
    }

    [Fact]
    public async Task VersionedPrefix_IsServedLikeTheUnversionedPath()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.GetAsync("/api/v1.0/no-such-thing");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NotFound", "No resource matches GET /api/no-such-thing");
    }

    [Fact]
    public async Task WrongMethod_Returns405_MethodNotAllowed()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.DeleteAsync("/_emulator/health");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "The HTTP method DELETE is not allowed for /_emulator/health.");
    }

    [Fact]
    public async Task UnhandledException_Returns500_InternalServerError_WithEmptyMessageAndNoDetail()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.GetAsync(ProbeEndpoints.ThrowPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServerError", string.Empty);
        Assert.Equal("""{"error":{"code":"InternalServerError","message":"","target":"<target>"}}""", await ErrorAssert.GoldenAsync(response));
    }

    [Fact]
    public async Task OversizedHeaders_Return400_BadRequest_InTheEnvelope()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Add("x-big", new string('a', 4096));
        using var response = await client.SendAsync(request);

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("limit is 2048 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorTarget_FindsTheExchangeInTheJournal()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var failed = await client.GetAsync("/api/journal-probe?x=1");
        var error = await ErrorAssert.IsErrorAsync(failed, HttpStatusCode.NotFound, "NotFound");

        using var journal = await client.GetAsync($"/_emulator/journal?target={error.Target}");
        var text = await journal.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
        Assert.Contains("\"path\":\"/api/journal-probe\"", text, StringComparison.Ordinal);
        Assert.Contains("\"query\":\"?x=1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"status\":404", text, StringComparison.Ordinal);
        Assert.Contains("\"injected\":false", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_UnknownTarget_Returns404_ResourceNotFound()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.GetAsync($"/_emulator/journal?target={Guid.Empty}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Journal_Limit_ReturnsNewestFirst()
    {
        using var client = await _factory.CreateReadyClientAsync();
        using (await client.GetAsync("/api/first-of-two")) { }
        using (await client.GetAsync("/api/second-of-two")) { }

        var text = await client.GetStringAsync("/_emulator/journal?limit=2");

        Assert.True(text.IndexOf("second-of-two", StringComparison.Ordinal) < text.IndexOf("first-of-two", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task Journal_BadLimit_Returns400_InvalidInput_NamingTheValue(string limit)
    {
        using var client = await _factory.CreateReadyClientAsync();
        using var response = await client.GetAsync($"/_emulator/journal?limit={limit}");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains($"'{limit}'", error.Message, StringComparison.Ordinal);
    }
}
