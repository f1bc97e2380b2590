using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Incidents;

/// <summary>A user limited to device groups reads incidents through SQL of their own (not the tenant's shared statements).</summary>
public sealed class IncidentUserContextTests(IncidentUserContextTests.Factory factory) : IClassFixture<IncidentUserContextTests.Factory>
{
    /// <summary>The demo tenant with users (delegated tokens).</summary>
    public sealed class Factory : ProtectedApiFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 300;
        }
    }

    [Fact]
    public async Task User_SeesTheIncidentsWithAlertsOnTheirGroups_ListingOnlyThoseAlerts()
    {
        using var admin = await factory.CreateApiClientAsync();
        var everything = await IncidentJson.AllIncidentsAsync(admin);
        await factory.RegisterUserAsync("finance-incidents@contoso.com", "pw", [PortalRoles.ViewData], new[] { "141" });
        using var user = await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync("finance-incidents@contoso.com", "pw"));

        var visible = await IncidentJson.AllIncidentsAsync(user);

        var expected = everything
            .Select(i => (Id: i.GetProperty("incidentId").GetInt64(), Alerts: i.GetProperty("alerts").EnumerateArray()
                .Where(a => a.GetProperty("devices").EnumerateArray().Any(d => d.GetProperty("rbacGroupId").ToString() == "141"))
                .Select(a => a.GetProperty("alertId").GetString()!).ToList()))
            .Where(i => i.Alerts.Count > 0)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < everything.Count);
        Assert.Equal(expected.Select(i => $"{i.Id}:{string.Join(',', i.Alerts)}"),
            visible.Select(i => $"{i.GetProperty("incidentId").GetInt64()}:{string.Join(',', IncidentJson.AlertIds(i))}"));
    }
}
