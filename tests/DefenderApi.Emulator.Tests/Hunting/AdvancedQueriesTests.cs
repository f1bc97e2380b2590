using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Hunting;

public sealed partial class AdvancedQueriesTests : IClassFixture<AdvancedQueriesTests.Factory>
{
    private const string RunPath = "/api/advancedqueries/run";
    private const string XdrRunPath = "/api/advancedhunting/run";
    private readonly Factory _factory;

    public AdvancedQueriesTests(Factory factory) => _factory = factory;

    /// <summary>The demo seed with a small hunting data set, on the fake clock so the data is the same every run.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 5;
            UseFakeTime = true;
            Settings["Emulator:Hunting:DemoEvents"] = "2000";
            Settings["Emulator:Hunting:DemoDevices"] = "6";
        }
    }

    /// <summary>A body with the documented, case-sensitive <c>Query</c> property.</summary>
    internal static StringContent Query(string query) =>
        new(JsonSerializer.Serialize(new Dictionary<string, string> { ["Query"] = query }), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$")]
    private static partial Regex ServiceDateTime();

    [Fact]
    public async Task Run_DocsExample_Returns200_WithStatsSchemaAndResultsInServiceFormats()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync(RunPath, Query(
            "DeviceProcessEvents |where InitiatingProcessFileName =~ 'powershell.exe' |project Timestamp, FileName, InitiatingProcessFileName, DeviceId|limit 2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(["Stats", "Schema", "Results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            """[{"Name":"Timestamp","Type":"DateTime"},{"Name":"FileName","Type":"String"},{"Name":"InitiatingProcessFileName","Type":"String"},{"Name":"DeviceId","Type":"String"}]""",
            root.GetProperty("Schema").GetRawText());
        var results = root.GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Matches(ServiceDateTime(), r.GetProperty("Timestamp").GetString()!);
            Assert.Equal("powershell.exe", r.GetProperty("InitiatingProcessFileName").GetString(), ignoreCase: true);
        });
    }

    [Fact]
    public async Task Run_CountsMatchOnBothApis()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var mde = await client.PostAsync(RunPath, Query("DeviceNetworkEvents | summarize n = count()"));
        using var xdr = await client.PostAsync(XdrRunPath, Query("DeviceNetworkEvents | summarize n = count()"));

        Assert.Equal(HttpStatusCode.OK, mde.StatusCode);
        Assert.Equal(HttpStatusCode.OK, xdr.StatusCode);
        using var a = JsonDocument.Parse(await mde.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await xdr.Content.ReadAsStringAsync());
        var count = a.RootElement.GetProperty("Results")[0].GetProperty("n").GetInt64();
        Assert.True(count > 0);
        Assert.Equal(count, b.RootElement.GetProperty("Results")[0].GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Run_WithoutQuery_Returns400_MissingRequiredParameter()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync(RunPath, JsonContent.Create(new { }));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Query is missing.");
    }

    [Fact]
    public async Task Run_WithLowerCaseQueryProperty_Returns400_InvalidRequestBody()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync(RunPath, JsonContent.Create(new { query = "DeviceInfo" }));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }

    [Fact]
    public async Task Run_SyntaxError_Returns400_BadRequest_WithLineAndColumn()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync(RunPath, Query("DeviceInfo\n| where"));

        Assert.Equal(
            """{"error":{"code":"BadRequest","message":"Syntax error at line 2, column 8: expected an expression but found end of query.","target":"<target>"}}""",
            await ErrorAssert.GoldenAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Run_UnknownTable_Returns400_NamingIt()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var response = await client.PostAsync(RunPath, Query("EmailEvents | take 1"));

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("'EmailEvents'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutAdvancedQueryPermission_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Machine.Read.All");

        using var response = await client.PostAsync(RunPath, Query("DeviceInfo | take 1"));

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Contains("AdvancedQuery.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XdrRun_NeedsAdvancedHuntingPermission_NotAdvancedQuery()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("AdvancedQuery.Read.All");

        using var mde = await client.PostAsync(RunPath, Query("DeviceInfo | take 1"));
        using var xdr = await client.PostAsync(XdrRunPath, Query("DeviceInfo | take 1"));

        Assert.Equal(HttpStatusCode.OK, mde.StatusCode);
        await ErrorAssert.IsErrorAsync(xdr, HttpStatusCode.Forbidden, "Forbidden");
    }

    private async Task<HttpClient> ClientInNewTenantAsync(string seed, object? features = null)
    {
        var tenantId = Guid.NewGuid();
        using (var admin = await _factory.CreateReadyClientAsync())
        {
            using var created = await admin.PostAsJsonAsync("/_emulator/tenants", new { tenantId = tenantId.ToString(), seed, features });
            created.EnsureSuccessStatusCode();
        }

        await _factory.RegisterAppAsync("hunter", "secret", ["AdvancedQuery.Read.All"], tenantId);
        var client = await _factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _factory.GetTokenAsync("hunter", "secret", tenantId));
        return client;
    }

    private static async Task<HashSet<string>> DeviceIdsAsync(HttpClient client)
    {
        using var response = await client.PostAsync(RunPath, Query("DeviceInfo | distinct DeviceId"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("DeviceId").GetString()!)];
    }

    [Fact]
    public async Task Run_TwoDemoTenants_EachSeesOnlyItsOwnRows()
    {
        using var defaultTenant = await _factory.CreateApiClientAsync();
        using var otherTenant = await ClientInNewTenantAsync("demo");

        var mine = await DeviceIdsAsync(defaultTenant);
        var theirs = await DeviceIdsAsync(otherTenant);
        var myRows = await HuntingQueries.CountAsync(defaultTenant, "DeviceInfo | count");
        var theirRows = await HuntingQueries.CountAsync(otherTenant, "DeviceInfo | count");

        // The demo machines (hence devices) are the same in every demo tenant; each sees only its own 3 rows per device.
        Assert.Equal(5, mine.Count);
        Assert.Equal(mine.Order(), theirs.Order());
        Assert.Equal(15, myRows);
        Assert.Equal(15, theirRows);
    }

    [Fact]
    public async Task Run_InTenantWithAdvancedHuntingOff_Returns403_DisabledFeature()
    {
        using var client = await ClientInNewTenantAsync("none", new { advancedHunting = false });

        using var response = await client.PostAsync(RunPath, Query("DeviceInfo | count"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisabledFeature");
    }

    [Fact]
    public async Task Run_InTenantWithoutDemoSeed_ReturnsNoRows_WithTheSchema()
    {
        using var client = await ClientInNewTenantAsync("none");

        using var response = await client.PostAsync(RunPath, Query("DeviceProcessEvents | project Timestamp, FileSize | take 5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("""[{"Name":"Timestamp","Type":"DateTime"},{"Name":"FileSize","Type":"Int64"}]""", json.RootElement.GetProperty("Schema").GetRawText());
        Assert.Equal(0, json.RootElement.GetProperty("Results").GetArrayLength());
    }

    [Fact]
    public async Task Run_WithoutToken_Returns401()
    {
        using var client = await _factory.CreateReadyClientAsync();

        using var response = await client.PostAsync(RunPath, Query("DeviceInfo"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }
}

public sealed class AdvancedQueriesCpuQuotaTests : IClassFixture<AdvancedQueriesCpuQuotaTests.Factory>
{
    private readonly Factory _factory;

    public AdvancedQueriesCpuQuotaTests(Factory factory) => _factory = factory;

    /// <summary>
    /// Measured query time is charged a billion times over, so one query spends the hourly quota (10 minutes) however
    /// fast it ran: a warm process answers `DeviceInfo | count` in about 100 µs, which a million-fold charge did not exhaust.
    /// </summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory() => Settings["Emulator:Hunting:CpuChargeMultiplier"] = "1000000000";
    }

    [Fact]
    public async Task Run_AfterCpuQuotaIsSpent_Returns429_TooManyRequests_SayingCpu_WithRetryAfter()
    {
        using var client = await _factory.CreateApiClientAsync();

        using var first = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query("DeviceInfo | count"));
        using var second = await client.PostAsync("/api/advancedqueries/run", AdvancedQueriesTests.Query("DeviceInfo | count"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var error = await ErrorAssert.IsErrorAsync(second, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Contains("CPU quota", error.Message, StringComparison.Ordinal);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
