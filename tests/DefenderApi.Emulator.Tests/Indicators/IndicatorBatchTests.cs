using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Indicators.IndicatorTestData;

namespace DefenderApi.Emulator.Tests.Indicators;

public sealed class IndicatorBatchTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public IndicatorBatchTests(EmulatorFactory factory) => _factory = factory;

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var client = await _factory.CreateApiClientAsync();
        return await client.PostAsync(path, Json(body));
    }

    private async Task<List<string>> SubmitManyAsync(int count)
    {
        using var response = await PostAsync("/api/indicators/import", ImportBody(count));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Import_ExactlyTheLimitOf500_Returns200_WithOneResultPerItem()
    {
        using var response = await PostAsync("/api/indicators/import", ImportBody(500));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(500, results.Count);
        Assert.All(results, r => Assert.False(r.GetProperty("isFailed").GetBoolean()));
        Assert.Equal(["id", "indicator", "isFailed", "failureReason"], results[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Import_501Items_Returns400_MaximumBatchSizeExceeded()
    {
        using var response = await PostAsync("/api/indicators/import", ImportBody(501));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MaximumBatchSizeExceeded",
            "Maximum batch size exceeded. Received: 501, allowed: 500.");
        Assert.Equal(
            """{"error":{"code":"MaximumBatchSizeExceeded","message":"Maximum batch size exceeded. Received: 501, allowed: 500.","target":"<target>"}}""",
            await ErrorAssert.GoldenAsync(response));
    }

    [Fact]
    public async Task Import_ABadItem_FailsThatItemWithTheReason_AndStoresTheOthers()
    {
        var good = UniqueSha1();
        var body = $$"""{"Indicators":[{{Body("FileSha1", good)}},{{Body("IpAddress", "1.2.3")}}]}""";
        using var response = await PostAsync("/api/indicators/import", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.False(results[0].GetProperty("isFailed").GetBoolean());
        Assert.Equal(good, results[0].GetProperty("indicator").GetString());
        Assert.True(results[1].GetProperty("isFailed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("id").ValueKind);
        Assert.Equal("Item 1 (1.2.3): IP address 1.2.3 is invalid.", results[1].GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task Import_ItemMissingARequiredField_Returns400_NamingTheItem()
    {
        using var response = await PostAsync("/api/indicators/import", """{"Indicators":[{"indicatorValue":"a","indicatorType":"FileSha1","action":"Alert","description":"d"}]}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Indicators[0].title is missing.");
    }

    [Fact]
    public async Task Import_WithoutIndicators_Returns400_MissingRequiredParameter()
    {
        using var response = await PostAsync("/api/indicators/import", "{}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Indicators is missing.");
    }

    [Fact]
    public async Task BatchDelete_ExactlyTheLimitOf500_Returns204_AndDeletes()
    {
        var ids = await SubmitManyAsync(500);
        using var response = await PostAsync("/api/indicators/BatchDelete", JsonSerializer.Serialize(new { IndicatorIds = ids }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var again = await PostAsync("/api/indicators/BatchDelete", JsonSerializer.Serialize(new { IndicatorIds = ids.Take(1) }));
        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.NotFound, "ResourceNotFound", $"Indicator {ids[0]} was not found");
    }

    [Fact]
    public async Task BatchDelete_501Ids_Returns400_MaximumBatchSizeExceeded()
    {
        var ids = Enumerable.Range(1, 501).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await PostAsync("/api/indicators/BatchDelete", JsonSerializer.Serialize(new { IndicatorIds = ids }));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MaximumBatchSizeExceeded",
            "Maximum batch size exceeded. Received: 501, allowed: 500.");
    }

    [Fact]
    public async Task BatchDelete_EmptyList_Returns400_InvalidInput()
    {
        using var response = await PostAsync("/api/indicators/BatchDelete", """{"IndicatorIds":[]}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input [] for IndicatorIds; the list must not be empty.");
    }

    [Fact]
    public async Task BatchDelete_NonNumericId_Returns400_InvalidInput()
    {
        using var response = await PostAsync("/api/indicators/BatchDelete", """{"IndicatorIds":["abc"]}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input 'abc' for IndicatorIds; indicator ids are numbers.");
    }

    [Fact]
    public async Task BatchDelete_OneUnknownId_Returns404_AndDeletesNothing()
    {
        var ids = await SubmitManyAsync(2);
        using var response = await PostAsync("/api/indicators/BatchDelete", JsonSerializer.Serialize(new { IndicatorIds = ids.Append("999999999") }));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Indicator 999999999 was not found");
        using var retry = await PostAsync("/api/indicators/BatchDelete", JsonSerializer.Serialize(new { IndicatorIds = ids }));
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
    }

    [Fact]
    public async Task Delete_KnownId_Returns204_ThenUnknown_Returns404()
    {
        var id = (await SubmitManyAsync(1))[0];
        using var client = await _factory.CreateApiClientAsync();

        using var first = await client.DeleteAsync($"/api/indicators/{id}");
        using var second = await client.DeleteAsync($"/api/indicators/{id}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await ErrorAssert.IsErrorAsync(second, HttpStatusCode.NotFound, "ResourceNotFound", $"Indicator {id} was not found");
    }

    [Theory]
    [InlineData("/api/indicators/import")]
    [InlineData("/api/indicators/BatchDelete")]
    public async Task BatchEndpoints_WithoutTiPermission_Return403_Forbidden(string path)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Alert.Read.All");
        using var response = await client.PostAsync(path, Json("{}"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Delete_WithoutTiPermission_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Alert.Read.All");
        using var response = await client.DeleteAsync("/api/indicators/1");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }
}

public sealed class IndicatorListODataTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public IndicatorListODataTests(EmulatorFactory factory) => _factory = factory;

    [Fact]
    public async Task List_FilterByIndicatorType_ReturnsOnlyThatType()
    {
        using var client = await _factory.CreateApiClientAsync();
        (await client.PostAsync("/api/indicators", Json(Body("DomainName", "filter-test.contoso.com")))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/indicators", Json(Body("FileSha1", UniqueSha1())))).EnsureSuccessStatusCode();

        using var response = await client.GetAsync("/api/indicators?$filter=indicatorType eq 'DomainName'");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["filter-test.contoso.com"], json.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("indicatorValue").GetString()));
    }

    [Theory]
    [InlineData("$top=10001")]
    [InlineData("$filter=description eq 'd'")]
    public async Task List_UndocumentedQuery_Returns400_ODataError(string query)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync($"/api/indicators?{query}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ODataError");
    }

    [Fact]
    public async Task List_Top10000_Returns200()
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/indicators?$top=10000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
