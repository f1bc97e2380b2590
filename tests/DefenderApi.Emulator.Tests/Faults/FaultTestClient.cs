using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Faults;

/// <summary>Admin calls on fault rules, shared by the fault tests.</summary>
internal static class FaultTestClient
{
    public static async Task<HttpResponseMessage> GetWithFaultAsync(HttpClient client, string path, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-emulator-fault", code);
        return await client.SendAsync(request);
    }

    /// <summary>Moves the fake clock in steps until the call completes (it waits on a timer of that clock).</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Task<T> call, TimeSpan step)
    {
        while (!call.IsCompleted)
        {
            clock.Advance(step);
            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        return await call;
    }

    public static async Task<string> AddRuleAsync(HttpClient admin, object rule)
    {
        using var response = await admin.PostAsJsonAsync("/_emulator/faults", rule);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task ClearAsync(HttpClient admin)
    {
        using var response = await admin.DeleteAsync("/_emulator/faults");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<JsonElement> JournalByTargetAsync(HttpClient admin, string target)
    {
        using var response = await admin.GetAsync($"/_emulator/journal?target={target}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<JsonElement> LatestJournalAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/_emulator/journal?limit=1");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].Clone();
    }
}
