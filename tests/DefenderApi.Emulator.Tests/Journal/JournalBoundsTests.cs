using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Journal;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Journal;

/// <summary>The journal keeps thousands of entries; what each keeps of a hostile request's text is bounded.</summary>
public sealed class JournalBoundsTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task HugePathAndQuery_AreRecordedCutToTheBound_AndTheTargetStillFindsThem()
    {
        using var client = await factory.CreateReadyClientAsync();
        var segment = new string('p', 3_000);
        using var failed = await client.GetAsync($"/api/{segment}?q={new string('q', 3_000)}");
        var error = await ErrorAssert.IsErrorAsync(failed, HttpStatusCode.NotFound, "NotFound");

        using var journal = JsonDocument.Parse(await client.GetStringAsync($"/_emulator/journal?target={error.Target}"));

        var entry = journal.RootElement;
        Assert.Equal(JournalMiddleware.MaxRecordedChars + 1, entry.GetProperty("path").GetString()!.Length);
        Assert.StartsWith("/api/ppp", entry.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("…", entry.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.True(entry.GetProperty("error").GetProperty("message").GetString()!.Length <= JournalMiddleware.MaxRecordedChars + 1);
        Assert.Equal(error.Target, entry.GetProperty("error").GetProperty("target").GetString());
    }

    [Fact]
    public async Task ManyLargeHeaders_AndALargeBody_AreKeptWithinTheirBudgets_AndTheRestIsCounted()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/no-such-resource")
        {
            Content = new StringContent(new string('b', 20_000), System.Text.Encoding.UTF8, "application/json"),
        };
        for (var i = 0; i < 40; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Fuzz-{i:00}", new string('h', 600));
        }

        using var failed = await client.SendAsync(request);
        var error = await ErrorAssert.IsErrorAsync(failed, HttpStatusCode.NotFound, "NotFound");

        using var journal = JsonDocument.Parse(await client.GetStringAsync($"/_emulator/journal?target={error.Target}"));

        var sent = journal.RootElement.GetProperty("request");
        var headers = sent.GetProperty("headers").EnumerateObject().ToList();
        Assert.True(headers.Where(h => h.Name != "…").Sum(h => h.Name.Length + h.Value.GetString()!.Length) <= JournalMiddleware.MaxRecordedHeaderChars);
        Assert.Matches(@"^\d+ more header\(s\) not kept$", headers.Single(h => h.Name == "…").Value.GetString());
        Assert.Equal(JournalMiddleware.MaxRecordedBodyBytes, sent.GetProperty("body").GetString()!.Length);
        Assert.True(sent.GetProperty("bodyTruncated").GetBoolean());
    }
}
