using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.OData;

/// <summary>A $filter that is only a literal is not a condition: found by the fuzz harness as a 500.</summary>
public sealed class FilterLiteralTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Theory]
    [InlineData("/api/machineactions?$filter=null")]
    [InlineData("/api/machines?$filter=null")]
    [InlineData("/api/alerts?$filter=null")]
    public async Task NullAsTheWholeFilter_Returns400ODataError(string path)
    {
        using var client = await factory.CreateApiClientAsync();

        using var response = await client.GetAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ODataError",
            "Invalid OData URI query: The $filter expression must evaluate to a single boolean value, not null.");
    }
}
