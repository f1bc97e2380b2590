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
}
