using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Errors;
using DefenderApi.Testing;

namespace DefenderApi.Client.Tests.Emulator;

/// <summary>The client's incident methods against the emulator, and the kit's incident loading.</summary>
public sealed class IncidentsAgainstEmulatorTests(IncidentsAgainstEmulatorTests.Fixture fixture) : IClassFixture<IncidentsAgainstEmulatorTests.Fixture>
{
    public sealed class Fixture : DefenderEmulatorFixture
    {
        protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "demo", Settings = { ["Emulator:DemoMachines"] = "400" } };
    }

    private DefenderEmulator Emulator => fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListIncidents_FollowsNextLinks_PastThePageOf100_MostRecentFirst()
    {
        var incidents = await Emulator.Client.ListIncidentsAsync(cancellationToken: Ct).ToListAsync(Ct);

        Assert.True(incidents.Count > 100, $"{incidents.Count} incidents");
        Assert.Equal(incidents.Count, incidents.Select(i => i.IncidentId).Distinct().Count());
        Assert.Equal(incidents.Select(i => i.CreatedTime).OrderDescending(), incidents.Select(i => i.CreatedTime));
        Assert.All(incidents, i => Assert.NotEmpty(i.Alerts));
    }

    [Fact]
    public async Task ListIncidents_TypedFilter_OnStatus_ReturnsOnlyThoseIncidents()
    {
        var query = new ODataQuery<IncidentFilter>().Filter(i => i.Status == "Resolved").Top(20);

        var resolved = await Emulator.Client.ListIncidentsAsync(query, Ct).ToListAsync(Ct);

        Assert.NotEmpty(resolved);
        Assert.All(resolved, i => Assert.Equal("Resolved", i.Status));
    }

    [Fact]
    public async Task UpdateIncident_ResolvesIt_AndGetIncident_ReadsItBack_WithItsAlertsResolved()
    {
        var open = await Emulator.Client.ListIncidentsAsync(new ODataQuery<IncidentFilter>().Filter(i => i.Status == "Active").Top(1), Ct).FirstAsync(Ct);

        var updated = await Emulator.Client.UpdateIncidentAsync(open.IncidentId,
            new IncidentUpdate { Status = "Resolved", Classification = "TruePositive", Determination = "Malware", Tags = ["playbook"], Comment = "closed by SOAR" }, Ct);
        var read = await Emulator.Client.GetIncidentAsync(open.IncidentId, Ct);

        Assert.Equal("Resolved", updated.Status);
        Assert.Equal((updated.IncidentId, updated.Status, updated.Classification, updated.Determination, updated.LastUpdateTime),
            (read.IncidentId, read.Status, read.Classification, read.Determination, read.LastUpdateTime));
        Assert.Equal("closed by SOAR", read.Comments[^1].Comment);
        Assert.Equal(["playbook"], read.Tags);
        Assert.All(read.Alerts, a => Assert.Equal("Resolved", a.Status));
    }

    [Fact]
    public async Task GetIncident_Unknown_SurfacesResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => Emulator.Client.GetIncidentAsync(987654321, Ct));

        Assert.Equal((404, DefenderErrorCode.ResourceNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Kit_LoadIncidentAlerts_MakesAnIncident_DerivedFromThem()
    {
        var tenantId = await Emulator.Admin.CreateTenantAsync(cancellationToken: Ct);
        await Emulator.Admin.RegisterAppAsync(tenantId, "soar", "s", ["Incident.ReadWrite.All"], Ct);
        var client = Emulator.CreateClient(Emulator.CreateCredential(tenantId, "soar", "s"));
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

        await Emulator.Admin.LoadIncidentAlertsAsync(tenantId, 4242,
        [
            DefenderModelFactory.Alert(id: "da1", machineId: "m1", title: "Phish", severity: "Low", status: "New", alertCreationTime: at, lastUpdateTime: at),
            DefenderModelFactory.Alert(id: "da2", machineId: "m2", title: "Phish", severity: "High", status: "New", alertCreationTime: at.AddHours(1), lastUpdateTime: at.AddHours(1)),
        ], Ct);
        var incident = await client.GetIncidentAsync(4242, Ct);

        Assert.Equal(("High", "Active", at), (incident.Severity, incident.Status, incident.CreatedTime));
        Assert.Equal("Phish on 2 endpoints", incident.IncidentName);
        Assert.Equal(["da1", "da2"], incident.Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void ModelFactory_BuildsIncidentsForTests()
    {
        var incident = DefenderModelFactory.Incident(incidentId: 7, status: "Active",
            alerts: [DefenderModelFactory.IncidentAlert(alertId: "a", entities: [DefenderModelFactory.IncidentEntity(entityType: "Ip", ipAddress: "10.0.0.1")])]);

        Assert.Equal("10.0.0.1", incident.Alerts[0].Entities[0].IpAddress);
        Assert.Equal(7, incident.IncidentId);
    }
}
