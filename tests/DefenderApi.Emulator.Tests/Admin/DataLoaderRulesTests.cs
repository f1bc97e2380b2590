using System.Net;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>
/// The loader's rules (docs/admin.md): enumerations match in any case and are stored as documented, unknown values,
/// missing keys, wrong types and nulls the store cannot hold are 400 naming the item and the property, never
/// storage-engine text.
/// </summary>
public sealed class DataLoaderRulesTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public DataLoaderRulesTests(EmulatorFactory factory) => _factory = factory;

    private static string Machine(string id, string extra) =>
        $$"""{"id":"{{id}}","computerDnsName":"{{id}}.contoso.com","osPlatform":"Windows11","agentVersion":"10.8760.22631.3447","lastSeen":"2026-11-02T08:00:00Z"{{extra}}}""";

    [Fact]
    public async Task IndicatorAsThePageShowsIt_WithLastUpdatedByNull_LoadsAndReadsBackNull()
    {
        using var response = await TestMachines.PostAsync(_factory, "indicators", """
            [{"id":"994","indicatorValue":"881c0f10c75e64ec39d257a131fcd531f47dd2cff2070ae94baa347d375126fd","indicatorType":"FileSha256",
              "action":"AlertAndBlock","application":null,"source":"user@contoso.onmicrosoft.com","sourceType":"User",
              "createdBy":"user@contoso.onmicrosoft.com","severity":"Informational","title":"Michael test","description":"test",
              "recommendedActions":"nothing","creationTimeDateTimeUtc":"2019-12-19T09:09:46.9139216Z","expirationTime":null,
              "lastUpdateTime":"2019-12-19T09:09:47.3358111Z","lastUpdatedBy":null,"rbacGroupNames":["team1"]}]
            """);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        using var client = await _factory.CreateApiClientAsync();
        var loaded = (await ODataJson.ValuesAsync(await client.GetAsync("/api/indicators"))).Single(i => i.GetProperty("id").GetString() == "994");
        Assert.Equal(JsonValueKind.Null, loaded.GetProperty("lastUpdatedBy").ValueKind);
    }

    [Theory]
    [InlineData("indicators", """[{"id":"\b\u0000\u0012","indicatorValue":"contoso.com","indicatorType":"DomainName","action":"Alert","title":"t","description":"d","severity":"Low"}]""", "id contains control characters")]
    [InlineData("machines", """[{"id":"\u0010\u0011\u0005\u0000","computerDnsName":"fz1","osPlatform":"Linux","healthStatus":"Active"}]""", "id contains control characters")]
    [InlineData("machineactions", """[{"id":"6f2b7e1c-8f4d-4c1e-9a7b-2d3c4e5f6a7b","machineId":"\u0000","type":"Isolate","status":"Pending"}]""", "machineId contains control characters")]
    public async Task IdOfControlCharacters_IsRefusedNamingTheItem_NotA500(string collection, string json, string problem)
    {
        // Found by the long fuzz runs: an id of control characters answered 500 (indicators, then machines).
        using var response = await TestMachines.PostAsync(_factory, collection, json);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var error = JsonDocument.Parse(body);
        Assert.Equal("InvalidRequestBody", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("item 0", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem, error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumerationInAnotherCase_IsStoredInTheDocumentedSpelling_AndTheMachineIsOnboarded()
    {
        using var response = await TestMachines.PostAsync(_factory, "machines", $"[{Machine("case1", ""","onboardingStatus":"Onboarded","healthStatus":"active","riskScore":"HIGH" """)}]");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        using var client = await _factory.CreateApiClientAsync();
        using var machine = JsonDocument.Parse(await client.GetStringAsync("/api/machines/case1"));
        Assert.Equal("onboarded", machine.RootElement.GetProperty("onboardingStatus").GetString());
        Assert.Equal("Active", machine.RootElement.GetProperty("healthStatus").GetString());
        Assert.Equal("High", machine.RootElement.GetProperty("riskScore").GetString());
        using var isolate = await client.PostAsync("/api/machines/case1/isolate", new StringContent("""{"Comment":"c","IsolationType":"Full"}""", Encoding.UTF8, "application/json"));
        Assert.True(isolate.StatusCode == HttpStatusCode.Created, await isolate.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("machines", """[{"id":"r1","osPlatform":"Linux","onboardingStatus":"Enrolled"}]""",
        "item 0: 'Enrolled' for onboardingStatus; allowed values: onboarded, CanBeOnboarded, Unsupported, InsufficientInfo")]
    [InlineData("machines", """[{"id":"r1","osPlatform":"Linux"},{"id":"r2","osPlatform":"Linux","riskScore":"Extreme"}]""",
        "item 1: the value of riskScore is not one of its allowed values: None, Informational, Low, Medium, High")]
    [InlineData("machines", """[{"id":"r1","osPlatform":"Linux","osBuild":"abc"}]""", "item 0: the value of osBuild (at $.osBuild) has the wrong type or format")]
    [InlineData("machines", """[{"id":"r1","osPlatform":"Linux","computerDnsName":null}]""", "item 0: computerDnsName must not be null")]
    [InlineData("machines", """[{"id":"r1","osPlatform":"Linux"},{"osPlatform":"Linux"}]""", "item 1: id is missing")]
    [InlineData("machines", """[null]""", "item 0: the item is null")]
    [InlineData("machines", """[42]""", "item 0: the item is not a JSON object")]
    [InlineData("indicators", """[{"id":"7","indicatorValue":"a","indicatorType":"FileSha1","action":"Block","title":null,"description":"d"}]""", "item 0: title must not be null")]
    [InlineData("machines", """[{"id":"r1","osPlatform":"\ud800"}]""", "the text at $[0].osPlatform is not valid Unicode")]
    public async Task BadItem_Returns400InvalidRequestBody_NamingItemAndProperty(string collection, string json, string problem)
    {
        using var response = await TestMachines.PostAsync(_factory, collection, json);

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", $"Request body is incorrect: {problem}");
        Assert.DoesNotContain("SQLite", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
