using System.Net;
using System.Text;
using DefenderApi.Emulator.Tests.Hosting;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Binding;

public sealed class StrictBinderPipelineTests : IClassFixture<ErrorPipelineTests.Factory>
{
    private readonly ErrorPipelineTests.Factory _factory;

    public StrictBinderPipelineTests(ErrorPipelineTests.Factory factory) => _factory = factory;

    private async Task<HttpResponseMessage> PostAsync(string json, string contentType = "application/json")
    {
        using var client = await _factory.CreateReadyClientAsync();
        return await client.PostAsync(ProbeEndpoints.BindPath, new StringContent(json, Encoding.UTF8, contentType));
    }

    [Fact]
    public async Task ExactCase_Binds()
    {
        using var response = await PostAsync("""{"Comment":"isolate it","ScanType":"Full","Count":3,"Tags":["a"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("isolate it|Full|3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnparsableJson_Returns400_InvalidRequestBody_RequestBodyIsIncorrect()
    {
        using var response = await PostAsync("""{"Comment": """);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
        Assert.Equal("""{"error":{"code":"InvalidRequestBody","message":"Request body is incorrect","target":"<target>"}}""", await ErrorAssert.GoldenAsync(response));
    }

    [Fact]
    public async Task WrongCaseProperty_Returns400_InvalidRequestBody_NamingIt()
    {
        using var response = await PostAsync("""{"comment":"x"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody",
            "Request body is incorrect: parameter 'comment' has the wrong case; parameter names are case-sensitive, expected 'Comment'");
    }

    [Fact]
    public async Task UnknownProperty_Returns400_InvalidRequestBody_NamingIt()
    {
        using var response = await PostAsync("""{"Comment":"x","Colour":"red"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", "Request body is incorrect: unknown parameter 'Colour'");
    }

    [Theory]
    [InlineData("""{"ScanType":"Quick"}""")]
    [InlineData("""{"Comment":null}""")]
    [InlineData("")]
    public async Task MissingRequiredProperty_Returns400_MissingRequiredParameter(string json)
    {
        using var response = await PostAsync(json);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Comment is missing.");
    }

    [Fact]
    public async Task EnumValueOutOfRange_Returns400_InvalidInput_NamingTheValue()
    {
        using var response = await PostAsync("""{"Comment":"x","ScanType":"Medium"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input 'Medium' for ScanType; allowed values: Quick, Full.");
    }

    [Theory]
    [InlineData("""{"Comment":42}""", "Invalid input 42 for Comment; expected a string.")]
    [InlineData("""{"Comment":"x","Count":"three"}""", "Invalid input 'three' for Count; expected an integer.")]
    [InlineData("""{"Comment":"x","Tags":"a"}""", "Invalid input 'a' for Tags; expected an array.")]
    [InlineData("""{"Comment":"x","Tags":[1]}""", "Invalid input 1 for Tags[0]; expected a string.")]
    [InlineData("""{"Comment":"x","ScanType":1}""", "Invalid input 1 for ScanType; allowed values: Quick, Full.")]
    public async Task WrongType_Returns400_InvalidInput_NamingTheValue(string json, string message)
    {
        using var response = await PostAsync(json);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task NonObjectBody_Returns400_InvalidRequestBody()
    {
        using var response = await PostAsync("[1,2]");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", "Request body is incorrect: expected a JSON object");
    }

    [Fact]
    public async Task NonJsonContentType_Returns400_InvalidRequestBody()
    {
        using var response = await PostAsync("Comment=x", "application/x-www-form-urlencoded");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }
}
