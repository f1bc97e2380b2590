using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Journal;

/// <summary>The journal's exchange details (headers and bodies, secrets masked) and its live stream.</summary>
public sealed class JournalExchangeTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task ErrorExchange_ByTarget_HasHeadersAndBodies_WithTheTokenAndSecretsMasked()
    {
        using var client = await factory.CreateApiClientAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        using var failed = await client.PostAsync("/api/indicators", new StringContent(
            """{"indicatorValue":"x","client_secret":"hunter2-secret"}""", Encoding.UTF8, "application/json"));
        Assert.True((int)failed.StatusCode >= 400);
        var target = JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("target").GetString();

        var text = await client.GetStringAsync($"/_emulator/journal?target={target}");

        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
        var entry = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Bearer ***", entry.GetProperty("request").GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal("""{"indicatorValue":"x","client_secret":"***"}""", entry.GetProperty("request").GetProperty("body").GetString());
        Assert.Contains(target!, entry.GetProperty("response").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.True(entry.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task UnreadRequestBody_OfARefusedCall_IsStillShown()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var failed = await client.PostAsync("/api/indicators", new StringContent("""{"indicatorValue":"no token"}""", Encoding.UTF8, "application/json"));
        var error = await ErrorAssert.IsErrorAsync(failed, HttpStatusCode.Unauthorized, "Unauthorized");

        var entry = JsonDocument.Parse(await client.GetStringAsync($"/_emulator/journal?target={error.Target}")).RootElement;

        Assert.Equal("""{"indicatorValue":"no token"}""", entry.GetProperty("request").GetProperty("body").GetString());
    }

    [Fact]
    public async Task JournalList_CarriesIdsButNoHeadersOrBodies()
    {
        using var client = await factory.CreateReadyClientAsync();
        (await client.GetAsync("/api/nothing-here")).Dispose();

        var list = JsonDocument.Parse(await client.GetStringAsync("/_emulator/journal?limit=5")).RootElement;

        var ids = list.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(list.EnumerateArray(), e => Assert.False(e.TryGetProperty("request", out _)));
    }

    [Fact]
    public async Task Stream_ReplaysWhatCameAfterSince_ThenSendsNewExchangesAsTheyHappen()
    {
        using var client = await factory.CreateReadyClientAsync();
        (await client.GetAsync("/api/before-the-stream")).Dispose();
        var last = JsonDocument.Parse(await client.GetStringAsync("/_emulator/journal?limit=1")).RootElement[0].GetProperty("id").GetInt64();
        (await client.GetAsync("/api/between-list-and-stream")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/_emulator/journal/stream?since={last}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        // The list call itself was recorded after it answered, so it comes first.
        var replayed = await NextServiceExchangeAsync(reader, cancel.Token);
        Assert.Equal("/api/between-list-and-stream", replayed.GetProperty("path").GetString());
        Assert.Equal(last + 2, replayed.GetProperty("id").GetInt64());

        (await client.GetAsync("/api/after-the-stream-opened")).Dispose();
        var live = await NextServiceExchangeAsync(reader, cancel.Token);

        Assert.Equal("/api/after-the-stream-opened", live.GetProperty("path").GetString());
        Assert.Equal(404, live.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Stream_WithABadSince_Returns400_InvalidInput()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync("/_emulator/journal/stream?since=yesterday");
        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains("'yesterday' for since", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> NextServiceExchangeAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        JsonElement entry;
        do
        {
            entry = await NextExchangeAsync(reader, cancellationToken);
        }
        while (entry.GetProperty("path").GetString()!.StartsWith("/_emulator", StringComparison.Ordinal));
        return entry;
    }

    private static async Task<JsonElement> NextExchangeAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? kind = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && kind == "exchange")
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
