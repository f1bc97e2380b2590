using System.IdentityModel.Tokens.Jwt;
using Azure.Core;
using DefenderApi.Client;

namespace DefenderApi.Testing.Tests;

public sealed class AdminTests(EmptyEmulatorFixture fixture) : IClassFixture<EmptyEmulatorFixture>
{
    private DefenderEmulator Emulator => fixture.Emulator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTenant_ThenRegisterApp_GivesTokensForThatTenant()
    {
        var tenantId = await Emulator.Admin.CreateTenantAsync(cancellationToken: Ct);
        await Emulator.Admin.RegisterAppAsync(tenantId, "soar-app", "s3cret", ["Machine.Read.All"], Ct);
        var credential = Emulator.CreateCredential(tenantId, "soar-app", "s3cret");

        var token = await credential.GetTokenAsync(new TokenRequestContext([DefenderClientOptions.DefaultScope]), Ct);

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token.Token);
        Assert.Equal(tenantId.ToString(), jwt.Claims.Single(c => c.Type == "tid").Value);
        Assert.Equal(["Machine.Read.All"], jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public async Task SetFeatures_ReturnsEveryFeature_WithTheChangeApplied()
    {
        var tenantId = await Emulator.Admin.CreateTenantAsync(cancellationToken: Ct);

        var features = await Emulator.Admin.SetFeaturesAsync(tenantId, new Dictionary<string, bool> { ["liveResponse"] = false }, Ct);

        Assert.False(features["liveResponse"]);
        Assert.True(features.Count > 1);
    }

    [Fact]
    public async Task AdminError_IsReportedWithTheEmulatorsAnswer()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Emulator.Admin.RegisterAppAsync(Guid.NewGuid(), "x", "y", ["Machine.Read.All"], Ct));

        Assert.Contains("ResourceNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadData_OfTypedHuntingRows_KeepsTheirColumnNames_AndAQueryFindsThem()
    {
        var tenantId = await Emulator.Admin.CreateTenantAsync(cancellationToken: Ct);
        await Emulator.Admin.RegisterAppAsync(tenantId, "hunter", "s3cret", ["AdvancedQuery.Read.All"], Ct);
        var rows = new[] { new ProcessRow(Emulator.Now.AddHours(-1), "dev-1", "evil.exe", 42) };

        var stored = await Emulator.Admin.LoadDataAsync(tenantId, "DeviceProcessEvents", rows, Ct);

        Assert.Equal(1, stored);
        var client = Emulator.CreateClient(Emulator.CreateCredential(tenantId, "hunter", "s3cret"));
        var result = await client.RunAdvancedQueryAsync("DeviceProcessEvents | where FileName == 'evil.exe' | project DeviceId, FileSize", Ct);
        var row = Assert.Single(result.Results);
        Assert.Equal("dev-1", row["DeviceId"].GetString());
        Assert.Equal(42, row["FileSize"].GetInt64());
    }

    private sealed record ProcessRow(DateTimeOffset Timestamp, string DeviceId, string FileName, long FileSize);
}
