using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Vulnerabilities.Assessments;

/// <summary>What the three exports share: paging, parameters, permissions, visibility, rate limits.</summary>
[Collection(AssessmentExportCollection.Name)]
public sealed class AssessmentExportContractTests(AssessmentExportFactory factory)
{
    public static TheoryData<string, string> BadPageSizes => new MatrixTheoryData<string, string>(
        [Exports.Vulnerabilities, Exports.Inventory, Exports.Configurations], ["0", "-1", "abc", "1.5", "200001"]);

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task DefaultPage_HoldsEveryRow_WithoutNextLink(string path)
    {
        using var client = await factory.CreateApiClientAsync();

        var root = await ODataJson.OkAsync(await client.GetAsync(path));

        Assert.NotEmpty(root.GetProperty("value").EnumerateArray());
        Assert.False(root.TryGetProperty("@odata.nextLink", out _));
        Assert.StartsWith("http://localhost/api/$metadata#Collection(microsoft.windowsDefenderATP.api.Assessment", root.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task PageSize_NextLinks_VisitEveryRowExactlyOnce_InTheSameOrder(string path)
    {
        using var client = await factory.CreateApiClientAsync();
        var all = await Exports.RowsAsync(client, path);
        var pageSize = (all.Count / 4) + 1;

        var (rows, pages) = await Exports.AllPagesAsync(client, $"{path}?pageSize={pageSize}");

        Assert.Equal(4, pages);
        Assert.Equal(all.Select(r => r.GetRawText()), rows.Select(r => r.GetRawText()));
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task PageSizeOne_AnswersOneRow_AndALinkToTheSecond(string path)
    {
        using var client = await factory.CreateApiClientAsync();
        var all = await Exports.RowsAsync(client, path);

        var first = await ODataJson.OkAsync(await client.GetAsync($"{path}?pageSize=1"));
        var nextLink = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await ODataJson.ValuesAsync(await client.GetAsync(nextLink));

        Assert.Equal(new[] { all[0].GetRawText() }, first.GetProperty("value").EnumerateArray().Select(r => r.GetRawText()));
        Assert.Equal(new[] { all[1].GetRawText() }, second.Select(r => r.GetRawText()));
        Assert.Contains("pageSize=1", nextLink, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", nextLink, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task PageSize_AtTheMaximum_Returns200(string path)
    {
        using var client = await factory.CreateApiClientAsync();

        using var response = await client.GetAsync($"{path}?pageSize=200000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadPageSizes))]
    public async Task PageSize_NotAnIntegerFrom1To200000_Returns400_InvalidInput(string path, string pageSize)
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(
            await client.GetAsync($"{path}?pageSize={pageSize}"), HttpStatusCode.BadRequest, "InvalidInput",
            $"Invalid input '{pageSize}' for pageSize; expected an integer from 1 to 200000.");
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task SkipToken_NotIssuedByTheService_Returns400_InvalidInput(string path)
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(
            await client.GetAsync($"{path}?$skiptoken=not-ours!"), HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input 'not-ours!' for $skiptoken; use the @odata.nextLink of the previous page.");
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task WithoutVulnerabilityRead_Returns403_Forbidden(string path)
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Software.Read.All", "Machine.Read.All");

        await ErrorAssert.IsErrorAsync(await client.GetAsync(path), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task DelegatedUser_SeesOnlyTheDevicesOfTheirGroups(string path)
    {
        using var admin = await factory.CreateApiClientAsync();
        var all = await Exports.RowsAsync(admin, path);
        var upn = $"finance-{Guid.NewGuid():N}@contoso.com";
        await factory.RegisterUserAsync(upn, "pw", [PortalRoles.ViewData], new[] { "141" });
        using var user = await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(upn, "pw"));

        var visible = await Exports.RowsAsync(user, path);

        Assert.NotEmpty(visible);
        Assert.Equal(all.Where(r => r.Text("rbacGroupName") == "Finance").Select(r => r.GetRawText()), visible.Select(r => r.GetRawText()));
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task AnotherTenant_SeesNoneOfTheDemoTenantsRows(string path)
    {
        var tenantId = Guid.NewGuid();
        await factory.CreateTenantAsync(tenantId);
        var clientId = $"other-{Guid.NewGuid():N}";
        await factory.RegisterAppAsync(clientId, "secret", ["Vulnerability.Read.All"], tenantId);
        using var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync(clientId, "secret", tenantId));

        Assert.Empty(await Exports.RowsAsync(client, path));
    }

    [Fact]
    public async Task WithVulnerabilityManagementOff_Returns403_DisabledFeature()
    {
        using var client = await factory.CreateApiClientAsync();
        await FeatureSwitch.SetAsync(factory, TenantFeatures.VulnerabilityManagement, enabled: false);
        try
        {
            foreach (var path in new[] { Exports.Vulnerabilities, Exports.Inventory, Exports.Configurations })
            {
                await ErrorAssert.IsErrorAsync(await client.GetAsync(path), HttpStatusCode.Forbidden, "DisabledFeature");
            }
        }
        finally
        {
            await FeatureSwitch.SetAsync(factory, TenantFeatures.VulnerabilityManagement, enabled: true);
        }
    }

    [Theory]
    [MemberData(nameof(Exports.All), MemberType = typeof(Exports))]
    public async Task RateLimit_IsDeclaredAs30PerMinuteAnd1000PerHour(string path)
    {
        using var ready = await factory.CreateReadyClientAsync();
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == path);

        var limit = endpoint.Metadata.GetMetadata<ApiRateLimit>();

        Assert.Equal<(int?, int?)>((30, 1000), (limit?.PerMinute, limit?.PerHour));
    }
}
