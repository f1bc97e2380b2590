using System.Net;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Client.Tests.Infrastructure;

namespace DefenderApi.Client.Tests.Paging;

public sealed class PagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collection_FollowsNextLink_ToTheLastPage()
    {
        var harness = new ClientHarness();
        harness.Transport
            .Then(HttpStatusCode.OK, """{"@odata.context":"x","value":[{"id":"m1"},{"id":"m2"}],"@odata.nextLink":"https://api.security.microsoft.com/api/machines?$top=2&$skip=2"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"m3"},{"id":"m4"}],"@odata.nextLink":"https://api.security.microsoft.com/api/machines?$top=2&$skip=4"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"m5"}]}""");

        var ids = await harness.Client.GetMachinesAsync(new ODataQuery<Machine>().Top(2), Ct).Select(m => m.Id).ToListAsync(Ct);

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], ids);
        Assert.Equal(
            ["https://api.security.microsoft.com/api/machines?$top=2", "https://api.security.microsoft.com/api/machines?$top=2&$skip=2", "https://api.security.microsoft.com/api/machines?$top=2&$skip=4"],
            harness.Transport.Requests.Select(r => r.Uri.OriginalString));
    }

    [Fact]
    public async Task Collection_FetchesPagesLazily()
    {
        var harness = new ClientHarness();
        harness.Transport
            .Then(HttpStatusCode.OK, """{"value":[{"id":"m1"}],"@odata.nextLink":"https://api.security.microsoft.com/api/machines?$skip=1"}""")
            .Then(HttpStatusCode.OK, """{"value":[{"id":"m2"}]}""");

        var first = await harness.Client.GetMachinesAsync(cancellationToken: Ct).FirstAsync(Ct);

        Assert.Equal("m1", first.Id);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task BareArrayAnswer_IsReadAsOnePage()
    {
        var harness = new ClientHarness();
        harness.Transport.Then(HttpStatusCode.OK, """[{"host":"contoso.com"},{"host":"fabrikam.com"}]""");

        var hosts = await harness.Client.GetAlertDomainsAsync("a1", Ct).Select(d => d.Host).ToListAsync(Ct);

        Assert.Equal(["contoso.com", "fabrikam.com"], hosts);
    }

    [Fact]
    public async Task ErrorOnALaterPage_SurfacesAsTheException()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });
        harness.Transport
            .Then(HttpStatusCode.OK, """{"value":[{"id":"m1"}],"@odata.nextLink":"https://api.security.microsoft.com/api/machines?$skip=1"}""")
            .ThenError("TooManyRequests", 429);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(async () =>
            await harness.Client.GetMachinesAsync(cancellationToken: Ct).ToListAsync(Ct));

        Assert.Equal(429, error.Status);
    }

    [Fact]
    public async Task ApiVersionV1_PutsTheVersionSegmentInEveryPath()
    {
        var harness = new ClientHarness(o => o.ApiVersion = DefenderApiVersion.V1_0);
        harness.Transport.Then(HttpStatusCode.OK, """{"value":[]}""");

        await harness.Client.GetAlertsAsync(cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal("https://api.security.microsoft.com/api/v1.0/alerts", harness.Transport.Requests.Single().Uri.AbsoluteUri);
    }
}
