using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.OData;

public sealed class PagingTests(PagingTests.LargeTenantFactory factory) : IClassFixture<PagingTests.LargeTenantFactory>
{
    /// <summary>10,500 demo machines: more than one documented page of 10,000.</summary>
    public sealed class LargeTenantFactory : EmulatorFactory
    {
        public LargeTenantFactory()
        {
            Seed = "demo";
            DemoMachines = 10_500;
        }
    }

    [Fact]
    public async Task ListMachines_PagesAtTenThousand_AndTheNextLinkReachesTheEnd()
    {
        using var client = await factory.CreateApiClientAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        string? next = "/api/machines";
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            var body = await ODataJson.OkAsync(response);
            foreach (var machine in body.GetProperty("value").EnumerateArray())
            {
                Assert.True(ids.Add(machine.GetProperty("id").GetString()!));
            }

            pages++;
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal(2, pages);
        Assert.Equal(10_500, ids.Count);
    }

    [Fact]
    public async Task ListMachines_WithFilterAndTop_KeepsThemInTheNextLink()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$filter=osPlatform eq 'Windows11'&$top=3");

        var body = await ODataJson.OkAsync(response);
        Assert.Equal(3, body.GetProperty("value").GetArrayLength());
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
    }
}
