using System.Net;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Hunting.AdvancedQueriesTests;

namespace DefenderApi.Emulator.Tests.Hunting;

/// <summary>Hunting tables as admin data collections: <c>POST /_emulator/tenants/{id}/data/{TableName}</c> appends rows.</summary>
public sealed class HuntingDataLoadTests(HuntingDataLoadTests.Factory factory) : IClassFixture<HuntingDataLoadTests.Factory>
{
    /// <summary>No demo data, on the fake clock so the loaded rows stay inside the 30-day lookback.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory() => UseFakeTime = true;
    }

    private async Task<HttpResponseMessage> LoadAsync(string table, string json, Guid? tenantId = null)
    {
        using var admin = await factory.CreateReadyClientAsync();
        return await admin.PostAsync($"/_emulator/tenants/{tenantId ?? DefaultTenant.TenantId}/data/{table}", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task XdrTableRows_Load_AndOnlyTheXdrEndpointQueriesThem()
    {
        using var loaded = await LoadAsync("EmailEvents", """[{"Timestamp":"2026-11-01T10:00:00Z","Subject":"load-xdr","UrlCount":2}]""");
        using var client = await factory.CreateApiClientAsync();

        using var xdr = await client.PostAsync("/api/advancedhunting/run", AdvancedQueriesTests.Query("EmailEvents | where Subject == 'load-xdr' | project UrlCount"));
        using var mde = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query("EmailEvents | where Subject == 'load-xdr'"));

        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Contains("\"UrlCount\":2", await xdr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mde.StatusCode);
    }

    [Fact]
    public async Task LoadedRows_AreAppended_AndQueryable_WithTheirColumnTypes()
    {
        const string rows = """
            [{"Timestamp":"2026-11-01T10:00:00.1234567Z","DeviceId":"load-types","FileName":"evil.exe","FileSize":42,"ProcessId":7,
              "AdditionalFields":{"Tags":["a","b"],"Score":3},"IsProcessRemoteSession":true,"ReportId":99},
             {"Timestamp":"2026-11-01T11:00:00Z","DeviceId":"load-types","FileName":"second.exe"}]
            """;

        using var first = await LoadAsync("DeviceProcessEvents", rows);
        using var again = await LoadAsync("deviceprocessevents", rows);
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.PostAsync("/api/advancedqueries/run", Query("""
            DeviceProcessEvents | where DeviceId == 'load-types' and FileName == 'evil.exe'
            | project Timestamp, FileSize, Tag = tostring(AdditionalFields.Tags[1]), AdditionalFields, IsProcessRemoteSession, ReportId, AccountName
            | take 1
            """));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var count = await HuntingQueries.CountAsync(client, "DeviceProcessEvents | where DeviceId == 'load-types' | count");

        Assert.Equal("""{"count":2}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, count);
        Assert.Equal(
            """[{"Name":"Timestamp","Type":"DateTime"},{"Name":"FileSize","Type":"Int64"},{"Name":"Tag","Type":"String"},{"Name":"AdditionalFields","Type":"Object"},{"Name":"IsProcessRemoteSession","Type":"Boolean"},{"Name":"ReportId","Type":"Int64"},{"Name":"AccountName","Type":"String"}]""",
            result.GetProperty("Schema").GetRawText());
        var row = result.GetProperty("Results")[0];
        Assert.Equal("2026-11-01T10:00:00.1234567Z", row.GetProperty("Timestamp").GetString());
        Assert.Equal(42, row.GetProperty("FileSize").GetInt64());
        Assert.Equal("b", row.GetProperty("Tag").GetString());
        Assert.Equal(3, JsonDocument.Parse(row.GetProperty("AdditionalFields").GetString()!).RootElement.GetProperty("Score").GetInt32());
        Assert.True(row.GetProperty("IsProcessRemoteSession").GetBoolean());
        Assert.Equal(99, row.GetProperty("ReportId").GetInt64());
        Assert.Equal(string.Empty, row.GetProperty("AccountName").GetString());
    }

    [Theory]
    [InlineData("""[{"DeviceId":"x"},{"Colour":"red"}]""", "item 1: table 'DeviceProcessEvents' has no column 'Colour'")]
    [InlineData("""[{"deviceid":"x"}]""", "item 0: table 'DeviceProcessEvents' has no column 'deviceid'")]
    [InlineData("""[{"FileSize":"large"}]""", "item 0: column 'FileSize' expects a long value, but got \"large\"")]
    [InlineData("""[{"DeviceId":7}]""", "item 0: column 'DeviceId' expects a string value, but got 7")]
    [InlineData("""[{"IsProcessRemoteSession":"yes"}]""", "item 0: column 'IsProcessRemoteSession' expects a bool value, but got \"yes\"")]
    [InlineData("""[{"DeviceId":"x"},{"Timestamp":"yesterday"}]""", "item 1: column 'Timestamp' expects a datetime value, but got \"yesterday\"")]
    [InlineData("""[{"Timestamp":20261101}]""", "item 0: column 'Timestamp' expects a datetime value, but got 20261101")]
    [InlineData("""["DeviceId"]""", "item 0: a row of DeviceProcessEvents must be a JSON object, not String")]
    public async Task BadRows_Return400_NamingTheItemAndColumn_AndNothingIsWritten(string json, string problem)
    {
        using var response = await LoadAsync("DeviceProcessEvents", json.Replace("\"x\"", "\"bad-rows\"", StringComparison.Ordinal));
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", $"Request body is incorrect: {problem}");
        Assert.Equal(0, await HuntingQueries.CountAsync(client, "DeviceProcessEvents | where DeviceId == 'bad-rows' | count"));
    }

    [Fact]
    public async Task EveryHuntingTable_IsACollection()
    {
        foreach (var table in DefenderApi.Hunting.Schema.HuntingSchema.Default.Tables.Where(t => !t.IsSnapshot))
        {
            using var response = await LoadAsync(table.Name, """[{"Timestamp":"2026-11-01T10:00:00Z"}]""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task RowsLoadedIntoAnotherTenant_AreOnlyItsOwn_AndItsResetDropsThem()
    {
        var other = Guid.NewGuid();
        using var admin = await factory.CreateReadyClientAsync();
        using (var created = await admin.PostAsync("/_emulator/tenants", new StringContent($$"""{"tenantId":"{{other}}","seed":"none"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.RegisterAppAsync("hunting-other", "secret", ["AdvancedQuery.Read.All"], other);
        using var otherClient = await factory.CreateReadyClientAsync();
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", await factory.GetTokenAsync("hunting-other", "secret", other));
        using var defaultClient = await factory.CreateApiClientAsync();
        const string query = "DeviceLogonEvents | where DeviceId == 'isolated' | count";

        using (var loaded = await LoadAsync("DeviceLogonEvents", """[{"Timestamp":"2026-11-01T10:00:00Z","DeviceId":"isolated"}]""", other))
        {
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        var seenByOwner = await HuntingQueries.CountAsync(otherClient, query);
        var seenByDefault = await HuntingQueries.CountAsync(defaultClient, query);
        using (var reset = await admin.PostAsync($"/_emulator/tenants/{other}/reset", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        var afterReset = await HuntingQueries.CountAsync(otherClient, query);
        Assert.Equal(1, seenByOwner);
        Assert.Equal(0, seenByDefault);
        Assert.Equal(0, afterReset);
    }
}
