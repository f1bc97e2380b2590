using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Alerts;

public sealed class AlertUserContextTests : IClassFixture<AlertUserContextTests.Factory>
{
    private readonly Factory _factory;

    public AlertUserContextTests(Factory factory) => _factory = factory;

    /// <summary>The demo tenant with users (delegated tokens).</summary>
    public sealed class Factory : ProtectedApiFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 300;
        }
    }

    private async Task<HttpClient> UserAsync(string upn, string[] roles, object deviceGroups)
    {
        await _factory.RegisterUserAsync(upn, "pw", roles, deviceGroups);
        return await _factory.CreateClientWithTokenAsync(await _factory.GetUserTokenAsync(upn, "pw"));
    }

    [Fact]
    public async Task User_SeesOnlyAlertsOnDevicesOfTheirGroups()
    {
        using var admin = await _factory.CreateApiClientAsync();
        var all = await ODataJson.ValuesAsync(await admin.GetAsync("/api/alerts"));
        var finance = all.Where(a => a.GetProperty("rbacGroupName").GetString() == "Finance").ToList();
        var other = all.First(a => a.GetProperty("rbacGroupName").GetString() != "Finance");
        using var user = await UserAsync("finance-analyst@contoso.com", [PortalRoles.ViewData], new[] { "141" });

        var visible = await ODataJson.ValuesAsync(await user.GetAsync("/api/alerts"));
        using var hidden = await user.GetAsync($"/api/alerts/{other.GetProperty("id").GetString()}");

        Assert.NotEmpty(finance);
        Assert.Equal(finance.Select(a => a.GetProperty("id").GetString()).Order(), visible.Select(a => a.GetProperty("id").GetString()).Order());
        await ErrorAssert.IsErrorAsync(hidden, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task User_WithoutAlertsInvestigationRole_CannotUpdate_Returns403_Forbidden()
    {
        using var admin = await _factory.CreateApiClientAsync();
        var id = (await ODataJson.ValuesAsync(await admin.GetAsync("/api/alerts?$top=1")))[0].GetProperty("id").GetString();
        using var viewer = await UserAsync("viewer@contoso.com", [PortalRoles.ViewData], "all");
        using var investigator = await UserAsync("investigator@contoso.com", [PortalRoles.ViewData, PortalRoles.AlertsInvestigation], "all");

        using var refused = await viewer.PatchAsync($"/api/alerts/{id}", Json("""{"Comment":"x"}"""));
        using var allowed = await investigator.PatchAsync($"/api/alerts/{id}", Json("""{"Comment":"x"}"""));

        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var alert = await ODataJson.OkAsync(allowed);
        Assert.Equal("investigator@contoso.com", alert.GetProperty("comments").EnumerateArray().Last().GetProperty("createdBy").GetString());
    }

    [Theory]
    [InlineData("/api/alerts")]
    [InlineData("/api/investigations")]
    [InlineData("/api/files/0000000000000000000000000000000000000001/alerts")]
    [InlineData("/api/ips/10.0.0.1/stats")]
    [InlineData("/api/domains/contoso.com/stats")]
    [InlineData("/api/users/alice/alerts")]
    [InlineData("/api/Software")]
    [InlineData("/api/vulnerabilities")]
    [InlineData("/api/recommendations")]
    [InlineData("/api/exposureScore")]
    public async Task User_WithoutViewDataRole_Returns403_Forbidden(string path)
    {
        using var user = await UserAsync($"no-view-{Guid.NewGuid():N}@contoso.com", [PortalRoles.AlertsInvestigation], "all");

        var error = await ErrorAssert.IsErrorAsync(await user.GetAsync(path), HttpStatusCode.Forbidden, "Forbidden");
        Assert.Contains("'View Data'", error.Message, StringComparison.Ordinal);
    }
}
