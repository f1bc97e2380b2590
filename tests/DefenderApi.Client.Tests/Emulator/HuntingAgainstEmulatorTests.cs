using DefenderApi.Errors;
using DefenderApi.Testing;

namespace DefenderApi.Client.Tests.Emulator;

/// <summary>The client against the emulator's advanced hunting endpoint: real tokens, real permission and feature checks.</summary>
public sealed class HuntingAgainstEmulatorTests(HuntingAgainstEmulatorTests.Fixture fixture) : IClassFixture<HuntingAgainstEmulatorTests.Fixture>
{
    public sealed class Fixture : DefenderEmulatorFixture
    {
        protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "demo", Settings = { ["Emulator:DemoMachines"] = "10" } };
    }

    private DefenderEmulator Emulator => fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAdvancedQuery_ReturnsSchemaAndRows()
    {
        var result = await Emulator.Client.RunAdvancedQueryAsync("DeviceInfo | take 3", Ct);

        Assert.Contains(result.Schema, c => c.Name == "DeviceId");
        Assert.InRange(result.Results.Count, 1, 3);
        Assert.True(result.Results[0].ContainsKey("DeviceId"));
    }

    [Fact]
    public async Task RunXdrHuntingQuery_ReadsTheXdrTables_WithTheFullStats()
    {
        var result = await Emulator.Client.RunXdrHuntingQueryAsync("EmailEvents | join kind=inner (UrlClickEvents) on NetworkMessageId | take 3", Ct);

        Assert.InRange(result.Results.Count, 1, 3);
        Assert.Contains(result.Schema, c => c.Name == "RecipientEmailAddress");
        Assert.True(result.Stats?.GetProperty("resource_usage").TryGetProperty("cache", out _));
    }

    [Fact]
    public async Task MissingPermission_SurfacesForbidden_AndIsNotRetried()
    {
        var client = await Emulator.CreateClientWithRolesAsync("Machine.Read.All");
        var before = Emulator.Journal.Requests(HttpMethod.Post, "/api/advancedqueries/run").Count;

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.RunAdvancedQueryAsync("DeviceInfo | take 1", Ct));

        Assert.Equal(403, error.Status);
        Assert.Equal(DefenderErrorCode.Forbidden, error.ErrorCode);
        var recorded = Emulator.Journal.FindByTarget(error.Target!);
        Assert.Equal("Forbidden", recorded?.Error?.Code);
        Assert.Equal(before + 1, Emulator.Journal.Requests(HttpMethod.Post, "/api/advancedqueries/run").Count);
    }

    [Fact]
    public async Task DisabledFeature_SurfacesAsTheException_AndIsNotRetried()
    {
        var tenantId = await Emulator.Admin.CreateTenantAsync(features: new Dictionary<string, bool> { ["advancedHunting"] = false }, cancellationToken: Ct);
        await Emulator.Admin.RegisterAppAsync(tenantId, "hunter", "s", ["AdvancedQuery.Read.All"], Ct);
        var client = Emulator.CreateClient(Emulator.CreateCredential(tenantId, "hunter", "s"));
        var before = Emulator.Journal.Requests(HttpMethod.Post, "/api/advancedqueries/run").Count;

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => client.RunAdvancedQueryAsync("DeviceInfo | take 1", Ct));

        Assert.Equal(DefenderErrorCode.DisabledFeature, error.ErrorCode);
        Assert.Equal(403, error.Status);
        Assert.NotNull(error.LocalizedDescription);
        Assert.Equal(before + 1, Emulator.Journal.Requests(HttpMethod.Post, "/api/advancedqueries/run").Count);
    }

    [Fact]
    public async Task InvalidQuery_SurfacesTheEmulatorsError_WithATargetTheJournalFinds()
    {
        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => Emulator.Client.RunAdvancedQueryAsync("NoSuchTable | take 1", Ct));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorCode);
        Assert.Equal(error.ErrorCode?.Value, Emulator.Journal.FindByTarget(error.Target!)?.Error?.Code);
    }
}
