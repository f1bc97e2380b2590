using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Journal;

/// <summary>
/// Only the newest <c>JournalDetailCapacity</c> entries keep an error exchange's headers and body start; older ones keep
/// their summary and are still found by <c>target</c> (the details are most of what a full journal holds).
/// </summary>
public sealed class JournalDetailCapacityTests(JournalDetailCapacityTests.Factory factory) : IClassFixture<JournalDetailCapacityTests.Factory>
{
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Settings["Emulator:JournalCapacity"] = "50";
            Settings["Emulator:JournalDetailCapacity"] = "2";
        }
    }

    private static async Task<JsonElement> EntryAsync(HttpClient client, string target)
    {
        using var journal = JsonDocument.Parse(await client.GetStringAsync($"/_emulator/journal?target={target}"));
        return journal.RootElement.Clone();
    }

    [Fact]
    public async Task AnEntryOlderThanTheDetailCapacity_KeepsItsSummaryOnly_AndTheNewestKeepTheirExchange()
    {
        using var client = await factory.CreateReadyClientAsync();
        var targets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.GetAsync($"/api/missing-{i}");
            targets.Add((await ErrorAssert.IsErrorAsync(failed, HttpStatusCode.NotFound, "NotFound")).Target);
        }

        // The journal's own lookups are exchanges too, so the check reads the newest first.
        var newest = await EntryAsync(client, targets[2]);
        Assert.True(newest.TryGetProperty("request", out _));
        var oldest = await EntryAsync(client, targets[0]);
        Assert.Equal("/api/missing-0", oldest.GetProperty("path").GetString());
        Assert.Equal(targets[0], oldest.GetProperty("error").GetProperty("target").GetString());
        Assert.False(oldest.TryGetProperty("request", out _));
        Assert.False(oldest.TryGetProperty("response", out _));
    }
}
