using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Indicators;

/// <summary>Every instant is written in UTC with a Z, as the reference pages' examples show, whatever the request's offset.</summary>
public sealed class IndicatorInstantTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task Submit_AnswersInstantsWithZ_AsTheGetOfTheSameIndicatorDoes()
    {
        using var client = await factory.CreateApiClientAsync();

        using var created = await client.PostAsJsonAsync("/api/indicators", new
        {
            indicatorValue = "instants.example.com",
            indicatorType = "DomainName",
            action = "Alert",
            title = "instants",
            description = "instants",
            severity = "Informational",
            expirationTime = "2027-01-01T12:00:00+02:00",
        });
        var posted = await created.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = (await ODataJson.ValuesAsync(await client.GetAsync($"/api/indicators?$filter=indicatorValue eq 'instants.example.com'"))).Single();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("2027-01-01T10:00:00Z", posted.GetProperty("expirationTime").GetString());
        Assert.EndsWith("Z", posted.GetProperty("creationTimeDateTimeUtc").GetString(), StringComparison.Ordinal);
        Assert.Equal(fetched.GetProperty("creationTimeDateTimeUtc").GetString(), posted.GetProperty("creationTimeDateTimeUtc").GetString());
        Assert.Equal(fetched.GetProperty("expirationTime").GetString(), posted.GetProperty("expirationTime").GetString());
    }
}
