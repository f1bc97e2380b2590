using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class SecurityDataLoaderTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public SecurityDataLoaderTests(EmulatorFactory factory) => _factory = factory;

    [Fact]
    public async Task Alerts_LoadedWithEvidence_AreServedAsLoaded_AndReloadReplacesThem()
    {
        const string alert = """
            [{"id":"da1_1","title":"Loaded","severity":"High","status":"New","category":"Malware","machineId":"m1",
              "alertCreationTime":"2026-11-01T10:00:00Z","lastUpdateTime":"2026-11-01T10:00:00Z",
              "evidence":[{"entityType":"Url","url":"https://evil.example/x","evidenceCreationTime":"2026-11-01T10:00:00Z"},
                          {"entityType":"Ip","ipAddress":"203.0.113.9","evidenceCreationTime":"2026-11-01T10:00:00Z"}]}]
            """;
        Assert.Equal(HttpStatusCode.OK, (await TestMachines.PostAsync(_factory, "alerts", alert)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestMachines.PostAsync(_factory, "alerts", alert.Replace("\"Loaded\"", "\"Reloaded\"", StringComparison.Ordinal))).StatusCode);
        using var client = await _factory.CreateApiClientAsync();

        var loaded = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$expand=evidence&$filter=id eq 'da1_1'"))).Single();
        var domains = await ODataJson.ValuesAsync(await client.GetAsync("/api/domains/evil.example/alerts"));

        Assert.Equal("Reloaded", loaded.GetProperty("title").GetString());
        Assert.Equal(2, loaded.GetProperty("evidence").GetArrayLength());
        Assert.Equal("da1_1", domains.Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Indicators_LoadedWithAnId_KeepIt_AndNewOnesDoNotCollide()
    {
        var response = await TestMachines.PostAsync(_factory, "indicators", $$"""[{"id":"1","indicatorValue":"EVIL.example","indicatorType":"DomainName","action":"Block","title":"t","description":"d","createdBy":"{{DefaultTenant.ClientId}}"}]""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var client = await _factory.CreateApiClientAsync();

        using var submitted = await client.PostAsync("/api/indicators", new StringContent(
            """{"indicatorValue":"other.example","indicatorType":"DomainName","action":"Block","title":"t","description":"d"}""", System.Text.Encoding.UTF8, "application/json"));
        var indicators = await ODataJson.ValuesAsync(await client.GetAsync("/api/indicators?$filter=indicatorType eq 'DomainName'"));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(["1", "2"], indicators.Select(i => i.GetProperty("id").GetString()).Order());
        Assert.Contains(indicators, i => i.GetProperty("indicatorValue").GetString() == "evil.example");
    }

    [Theory]
    [InlineData("indicators", """[{"id":"x","indicatorValue":"a","indicatorType":"FileSha1","action":"Block","title":"t","description":"d"}]""", "item 0: id 'x' is not a number")]
    [InlineData("indicators", """[{"id":"5","indicatorValue":"1.2.3","indicatorType":"IpAddress","action":"Block","title":"t","description":"d"}]""", "item 0: IP address 1.2.3 is invalid.")]
    [InlineData("files", """[{"sha1":"abc"}]""", "item 0: sha1 'abc' is not a SHA-1")]
    [InlineData("alerts", """[{"id":"a","title":"t"}]""", "item 0: machineId is missing")]
    [InlineData("investigations", """[{"state":"Running"}]""", "item 0: id is missing")]
    public async Task BadItems_Return400_NamingTheItem(string collection, string json, string problem)
    {
        using var response = await TestMachines.PostAsync(_factory, collection, json);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", $"Request body is incorrect: {problem}");
    }

    [Theory]
    [InlineData("files", """[{"sha1":"0000000000000000000000000000000000000abc","size":10}]""", "/api/files/0000000000000000000000000000000000000abc")]
    [InlineData("users", """[{"id":"contoso\\zoe","accountName":"","accountDomain":""}]""", null)]
    [InlineData("investigations", """[{"id":"7","machineId":"m1","state":"Benign"}]""", "/api/investigations/7")]
    [InlineData("software", """[{"id":"v-_-p","name":"p","vendor":"v"}]""", "/api/Software/v-_-p")]
    [InlineData("vulnerabilities", """[{"id":"CVE-2026-0001","name":"CVE-2026-0001","severity":"High"}]""", "/api/vulnerabilities/CVE-2026-0001")]
    [InlineData("recommendations", """[{"id":"va-_-v-_-p","recommendationName":"Update p","vendor":"v","productName":"p"}]""", "/api/recommendations/va-_-v-_-p")]
    [InlineData("deviceavinfo", """[{"id":"d1","machineId":"m1","computerDnsName":"pc1","osPlatform":"Windows11"}]""", "/api/deviceavinfo?$filter=machineId eq 'm1'")]
    public async Task Collections_LoadAndServe(string collection, string json, string? path)
    {
        using var response = await TestMachines.PostAsync(_factory, collection, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        if (path is not null)
        {
            using var client = await _factory.CreateApiClientAsync();
            await ODataJson.OkAsync(await client.GetAsync(path));
        }
    }
}
