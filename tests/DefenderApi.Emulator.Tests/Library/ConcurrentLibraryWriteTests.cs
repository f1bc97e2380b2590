using System.Net;
using System.Text;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Persistence;

namespace DefenderApi.Emulator.Tests.Library;

/// <summary>
/// Library uploads and deletes racing on one file name (rate limits off). An upload reads by name and then inserts or
/// replaces: before the library's write lock, two uploads of one new name both inserted and the second answered 500
/// on the unique name (the long fuzz run's last unexplained 5xx).
/// </summary>
public sealed class ConcurrentLibraryWriteTests(ConcurrentWriteTests.Factory factory) : IClassFixture<ConcurrentWriteTests.Factory>
{
    private static MultipartFormDataContent Form(string name, bool overrideIfExists) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes("Get-Process")), "File", name },
        { new StringContent(overrideIfExists ? "true" : "false"), "OverrideIfExists" },
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, bool overrideIfExists)
    {
        using var form = Form(name, overrideIfExists);
        return await client.PostAsync("/api/libraryfiles", form);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    public async Task ParallelUploads_OfOneNewName_StoreItOnce_AndLosersGet400_BadRequest(int inFlight)
    {
        using var client = await factory.ClientAsync();
        var name = $"race-{Guid.NewGuid():N}.ps1";

        var responses = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => UploadAsync(client, name, overrideIfExists: false)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await ErrorAssert.IsErrorAsync(loser, HttpStatusCode.BadRequest, "BadRequest", $"Library file {name} already exists; send OverrideIfExists=true to replace it.");
        }

        using var list = await client.GetAsync("/api/libraryfiles");
        Assert.Single(await ODataJson.ValuesAsync(list), f => f.GetProperty("fileName").GetString() == name);
    }

    [Fact]
    public async Task OverridingUploads_RacingDeletes_NeverAnswer5xx_AndLeaveTheListConsistent()
    {
        using var client = await factory.ClientAsync();
        var name = $"flip-{Guid.NewGuid():N}.ps1";
        using (var first = await UploadAsync(client, name, overrideIfExists: true))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? UploadAsync(client, name, overrideIfExists: true)
            : client.DeleteAsync($"/api/libraryfiles/{name}")));

        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        using var list = await client.GetAsync("/api/libraryfiles");
        Assert.True((await ODataJson.ValuesAsync(list)).Count(f => f.GetProperty("fileName").GetString() == name) <= 1);
    }
}
