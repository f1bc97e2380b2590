using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Indicators.IndicatorTestData;

namespace DefenderApi.Emulator.Tests.Indicators;

/// <summary>Deleting indicators scoped to device groups the caller (a user) is not exposed to.</summary>
public sealed class IndicatorDeviceGroupTests(IndicatorDeviceGroupTests.Factory factory) : IClassFixture<IndicatorDeviceGroupTests.Factory>
{
    /// <summary>Demo machines (so device group names resolve: 141 is Finance, 142 Engineering) and users.</summary>
    public sealed class Factory : ProtectedApiFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 60;
        }
    }

    private async Task LoadAsync(params (string Id, string Groups)[] indicators)
    {
        using var admin = await factory.CreateReadyClientAsync();
        var items = indicators.Select(i =>
            $$"""{"id":"{{i.Id}}","indicatorValue":"{{UniqueSha1()}}","indicatorType":"FileSha1","action":"Block","title":"t","description":"d","createdBy":"{{DefaultTenant.ClientId}}",{{i.Groups}}}""");
        using var response = await admin.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/indicators", Json("[" + string.Join(",", items) + "]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> UserAsync(string upn, object deviceGroups)
    {
        await factory.RegisterUserAsync(upn, "pw", [PortalRoles.ViewData], deviceGroups);
        return await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(upn, "pw"));
    }

    private async Task<bool> ExistsAsync(string id)
    {
        using var app = await factory.CreateApiClientAsync();
        var indicators = await ODataJson.ValuesAsync(await app.GetAsync("/api/indicators?$top=10000"));
        return indicators.Any(i => i.GetProperty("id").GetString() == id);
    }

    private static StringContent Ids(params string[] ids) => Json($$"""{"IndicatorIds":[{{string.Join(",", ids.Select(i => $"\"{i}\""))}}]}""");

    [Fact]
    public async Task BatchDelete_ByAUserNotExposedToAnIndicatorsGroups_Returns403_NamingIt_AndDeletesNothing()
    {
        await LoadAsync(("9001", "\"rbacGroupIds\":[\"141\"]"), ("9002", "\"rbacGroupIds\":[\"142\"]"));
        using var user = await UserAsync("finance-only@contoso.com", new[] { "141" });

        using var response = await user.PostAsync("/api/indicators/BatchDelete", Ids("9001", "9002"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden", "Forbidden (the caller is not exposed to any device group of indicator 9002).");
        Assert.True(await ExistsAsync("9001"));
        Assert.True(await ExistsAsync("9002"));
    }

    [Fact]
    public async Task BatchDelete_ByAUserExposedToOneGroupOfEach_OrOfUnscopedIndicators_Returns204()
    {
        await LoadAsync(("9011", "\"rbacGroupIds\":[\"141\",\"142\"]"), ("9012", "\"rbacGroupIds\":[]"));
        using var user = await UserAsync("engineering@contoso.com", new[] { "142" });

        using var response = await user.PostAsync("/api/indicators/BatchDelete", Ids("9011", "9012"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await ExistsAsync("9011"));
        Assert.False(await ExistsAsync("9012"));
    }

    [Fact]
    public async Task BatchDelete_GroupsNamedByRbacGroupNames_AreResolvedThroughTheMachinesGroups()
    {
        await LoadAsync(("9021", "\"rbacGroupNames\":[\"Finance\"]"));
        using var engineering = await UserAsync("eng-names@contoso.com", new[] { "142" });
        using var finance = await UserAsync("fin-names@contoso.com", new[] { "141" });

        using var refused = await engineering.PostAsync("/api/indicators/BatchDelete", Ids("9021"));
        using var allowed = await finance.PostAsync("/api/indicators/BatchDelete", Ids("9021"));

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.Forbidden, "Forbidden", "Forbidden (the caller is not exposed to any device group of indicator 9021).");
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
    }

    [Fact]
    public async Task BatchDelete_ByAnApplication_SeesEveryGroup_Returns204()
    {
        await LoadAsync(("9031", "\"rbacGroupIds\":[\"143\"]"));
        using var app = await factory.CreateApiClientAsync();

        using var response = await app.PostAsync("/api/indicators/BatchDelete", Ids("9031"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Delete_OfAnIndicatorInAHiddenGroup_ByAUser_Returns404_AsIfAbsent_AndAnExposedUserDeletesIt()
    {
        await LoadAsync(("9041", "\"rbacGroupIds\":[\"142\"]"));
        using var finance = await UserAsync("fin-single@contoso.com", new[] { "141" });
        using var engineering = await UserAsync("eng-single@contoso.com", new[] { "142" });

        using var hidden = await finance.DeleteAsync("/api/indicators/9041");
        using var deleted = await engineering.DeleteAsync("/api/indicators/9041");

        await ErrorAssert.IsErrorAsync(hidden, HttpStatusCode.NotFound, "ResourceNotFound", "Indicator 9041 was not found");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
