using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;

namespace DefenderApi.Emulator.Tests.Faults;

public sealed class FaultHeaderTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task FaultHeader_AnswersTheDocumentedError_ThroughTheErrorWriter_MarkedInjected()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await FaultTestClient.GetWithFaultAsync(client, ProbeApi.LimitedPath, "TooManyRequests");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.TooManyRequests, "TooManyRequests", "injected by the emulator");
        Assert.Equal("1", RateLimitTests.RetryAfter(response));
        var entry = await FaultTestClient.JournalByTargetAsync(client, error.Target);
        Assert.True(entry.GetProperty("injected").GetBoolean());
    }

    [Fact]
    public async Task FaultHeader_FillsTheCataloguePlaceholders_SoTheMessageNeverPassesForReal()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await FaultTestClient.GetWithFaultAsync(client, ProbeApi.LimitedPath, "InvalidInput");

        Assert.Equal("""{"error":{"code":"InvalidInput","message":"Invalid input injected by the emulator.","target":"<target>"}}""",
            await ErrorAssert.GoldenAsync(response));
    }

    [Fact]
    public async Task FaultHeader_WithUnknownCode_Returns400_InvalidInput_NamingIt_NotMarkedInjected()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await FaultTestClient.GetWithFaultAsync(client, ProbeApi.LimitedPath, "tooManyRequests");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.StartsWith("Invalid input 'tooManyRequests' for the x-emulator-fault header; expected a documented error code: BadRequest, ODataError,", error.Message);
        var entry = await FaultTestClient.JournalByTargetAsync(client, error.Target);
        Assert.False(entry.GetProperty("injected").GetBoolean());
    }

    [Fact]
    public async Task FaultHeader_WinsOverAuthentication()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await FaultTestClient.GetWithFaultAsync(client, ProbeApi.LimitedPath, "InternalServerError");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.InternalServerError, "InternalServerError", string.Empty);
    }

    [Fact]
    public async Task InjectedAnswers_AreNotCountedAgainstRateLimits()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        for (var i = 0; i < 5; i++)
        {
            using var injected = await FaultTestClient.GetWithFaultAsync(client, ProbeApi.TightPath, "NotFound");
            Assert.Equal(HttpStatusCode.NotFound, injected.StatusCode);
        }

        await RateLimitTests.CallAsync(client, ProbeApi.TightPath, times: 2);
    }

    [Fact]
    public async Task FaultHeader_IsIgnoredOnTheAdminApi()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await FaultTestClient.GetWithFaultAsync(client, "/_emulator/health", "InternalServerError");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
