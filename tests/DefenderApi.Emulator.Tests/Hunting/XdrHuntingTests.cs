using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Hunting;

/// <summary>Defender XDR advanced hunting (<c>POST /api/advancedhunting/run</c>): its own tables, seeded with the demo alerts' story.</summary>
public sealed class XdrHuntingTests(HuntingDemoDataTests.Factory factory) : IClassFixture<HuntingDemoDataTests.Factory>
{
    private const string XdrPath = "/api/advancedhunting/run";

    public static TheoryData<string> XdrTables =>
    [
        "EmailEvents", "EmailAttachmentInfo", "EmailUrlInfo", "EmailPostDeliveryEvents", "UrlClickEvents", "IdentityLogonEvents",
        "IdentityQueryEvents", "IdentityDirectoryEvents", "CloudAppEvents",
    ];

    private static async Task<JsonElement> RunAsync(HttpClient client, string path, string query)
    {
        using var response = await client.PostAsync(path, AdvancedQueriesTests.Query(query));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(XdrTables))]
    public async Task XdrTable_IsServedByTheXdrEndpoint_WithDemoRows(string table)
    {
        using var client = await factory.CreateApiClientAsync();

        var result = await RunAsync(client, XdrPath, $"{table} | count");

        Assert.True(result.GetProperty("Results")[0].GetProperty("Count").GetInt64() > 0, table);
    }

    [Theory]
    [MemberData(nameof(XdrTables))]
    public async Task XdrTable_OnTheMdeEndpoint_GetsTheUnknownTableError(string table)
    {
        using var client = await factory.CreateApiClientAsync();

        using var xdrOnly = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query($"{table} | take 1"));
        using var unknown = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query("NoSuchTable | take 1"));

        var error = await ErrorAssert.IsErrorAsync(xdrOnly, HttpStatusCode.BadRequest, "BadRequest");
        var other = await ErrorAssert.IsErrorAsync(unknown, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal(other.Message.Replace("NoSuchTable", table, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task PhishingChain_JoinsEmailClickAndTheProcessEventThatRaisedTheAlert_InOneQuery_ClickFirst()
    {
        using var client = await factory.CreateApiClientAsync();

        var result = await RunAsync(client, XdrPath, """
            EmailEvents
            | join kind=inner (EmailUrlInfo) on NetworkMessageId
            | join kind=inner (UrlClickEvents | project ClickTime = Timestamp, Url, AccountUpn) on Url
            | join kind=inner (AlertEvidence | where EntityType == "Url" | project AlertId, RemoteUrl) on $left.Url == $right.RemoteUrl
            | join kind=inner (AlertInfo | project AlertId, AlertTime = Timestamp) on AlertId
            | join kind=inner (AlertEvidence | where EntityType == "File" | project AlertId, DeviceId, SHA1) on AlertId
            | join kind=inner (DeviceProcessEvents | project ProcessTime = Timestamp, DeviceId, SHA1) on DeviceId, SHA1
            | project RecipientEmailAddress, AccountUpn, ClickTime, ProcessTime, DeviceId
            | take 20
            """);

        var rows = result.GetProperty("Results").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r.GetProperty("RecipientEmailAddress").GetString(), r.GetProperty("AccountUpn").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("ClickTime").GetDateTimeOffset() < r.GetProperty("ProcessTime").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Stats_HasEveryMemberOfThePagesExample()
    {
        using var client = await factory.CreateApiClientAsync();

        var stats = (await RunAsync(client, XdrPath, "EmailEvents | take 2")).GetProperty("Stats");

        Assert.Equal(["ExecutionTime", "resource_usage", "dataset_statistics"], stats.EnumerateObject().Select(p => p.Name));
        var usage = stats.GetProperty("resource_usage");
        Assert.Equal(["cache", "cpu", "memory"], usage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["memory", "disk"], usage.GetProperty("cache").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["hits", "misses", "total"], usage.GetProperty("cache").GetProperty("memory").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["user", "kernel", "total cpu"], usage.GetProperty("cpu").EnumerateObject().Select(p => p.Name));
        Assert.True(usage.GetProperty("memory").GetProperty("peak_per_node").GetInt64() > 0);
        Assert.Equal(2, stats.GetProperty("dataset_statistics")[0].GetProperty("table_row_count").GetInt32());
    }
}
