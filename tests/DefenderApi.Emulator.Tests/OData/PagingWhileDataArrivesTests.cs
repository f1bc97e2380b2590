using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.OData;

/// <summary>
/// A page-size setting makes <c>/api/alerts</c> page at 50; in the stable order the next link continues after the
/// last row's key, so a walk during which rows arrive or change sees every row that existed exactly once, and the
/// rows written during the walk when their key sorts after its position.
/// </summary>
public sealed class PagingWhileDataArrivesTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>, IAsyncLifetime
{
    private const int Existing = 230;

    public async ValueTask InitializeAsync()
    {
        await TestMachines.LoadStandardAsync(factory);
        await LoadAlertsAsync(Enumerable.Range(0, Existing).Select(i => AlertId(1_000 + i)));
        await SettingsAsync("""{"pageSizes":{"Alerts":50}}""");
    }

    public async ValueTask DisposeAsync() => await SettingsAsync("""{"pageSizes":{"Alerts":null}}""");

    [Fact]
    public async Task WalkingNextLinks_WhileAlertsArriveAndChange_SeesEveryExistingAlertOnce_AndTheNewOnesAfterItsPosition()
    {
        using var client = await factory.CreateApiClientAsync();
        var seen = new List<string>();
        var pages = 0;
        string? next = "/api/alerts?$filter=severity eq 'High'";
        while (next is not null)
        {
            var body = await ODataJson.OkAsync(await client.GetAsync(next));
            var rows = body.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
            seen.AddRange(rows);
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (++pages == 2)
            {
                // Mid-walk: two alerts sort before the walk's position, two after it; one seen and one unseen alert change.
                await LoadAlertsAsync([AlertId(10), AlertId(11), AlertId(9_000), AlertId(9_001)]);
                await PatchAsync(client, seen[0]);
                await PatchAsync(client, AlertId(1_000 + Existing - 1));
                Assert.Contains("$skiptoken=", next, StringComparison.Ordinal);
                Assert.DoesNotContain("$skip=", next, StringComparison.Ordinal);
            }
        }

        Assert.Equal(Enumerable.Range(0, Existing).Select(i => AlertId(1_000 + i)).Concat([AlertId(9_000), AlertId(9_001)]), seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task NextLink_UnderOrderBy_MovesSkipOn_AndKeepsTheOrder()
    {
        using var client = await factory.CreateApiClientAsync();

        var first = await ODataJson.OkAsync(await client.GetAsync("/api/alerts?$orderby=alertCreationTime desc&$top=120"));
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await ODataJson.OkAsync(await client.GetAsync(next));

        Assert.Equal(50, first.GetProperty("value").GetArrayLength());
        Assert.Contains("$skip=50", next, StringComparison.Ordinal);
        Assert.Contains("$top=70", next, StringComparison.Ordinal);
        Assert.Equal(50, second.GetProperty("value").GetArrayLength());
        Assert.True(string.CompareOrdinal(
            first.GetProperty("value")[49].GetProperty("alertCreationTime").GetString(),
            second.GetProperty("value")[0].GetProperty("alertCreationTime").GetString()) >= 0);
    }

    [Theory]
    [InlineData("/api/alerts?$skiptoken=%%%", "Invalid OData URI query: The value '%%%' for $skiptoken is not a token this service answered in an @odata.nextLink.")]
    [InlineData("/api/alerts?$skiptoken=ZGE&$orderby=severity", "Invalid OData URI query: The query option '$skiptoken' cannot be combined with '$orderby'; follow the @odata.nextLink as it was answered.")]
    public async Task SkipToken_NotAnsweredByTheService_Returns400_ODataError(string path, string message)
    {
        using var client = await factory.CreateApiClientAsync();

        using var response = await client.GetAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ODataError", message);
    }

    // da{ticks}_{n}: the documented id form; a larger number sorts later (all have the same length).
    private static string AlertId(int n) => string.Create(CultureInfo.InvariantCulture, $"da6390000000{n:D6}_1");

    private async Task LoadAlertsAsync(IEnumerable<string> ids) =>
        await TestMachines.LoadAsync(factory, "alerts", [.. ids.Select(id => (object)new
        {
            id, title = "Paged", severity = "High", status = "New", category = "Malware", machineId = TestMachines.Windows11,
            alertCreationTime = EmulatorFactory.StartTime.AddMinutes(-1), lastUpdateTime = EmulatorFactory.StartTime.AddMinutes(-1),
        })]);

    private static async Task PatchAsync(HttpClient client, string id)
    {
        using var response = await client.PatchAsJsonAsync($"/api/alerts/{id}", new { status = "InProgress" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SettingsAsync(string json)
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var response = await admin.PutAsync("/_emulator/settings", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
