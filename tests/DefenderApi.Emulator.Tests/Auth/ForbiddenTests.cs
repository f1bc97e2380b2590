using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Auth;

/// <summary>Every 403 by its cause: permissions (roles / scp) and portal roles and device groups give Forbidden, switched-off features DisabledFeature, policies DisallowedOperation.</summary>
public sealed class ForbiddenTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private async Task<HttpClient> UserClientAsync(IReadOnlyList<string>? roles = null, object? deviceGroups = null, string clientId = "defender-emulator")
    {
        var upn = $"user-{Guid.NewGuid():N}@contoso.com";
        await factory.RegisterUserAsync(upn, "P@ssw0rd", roles, deviceGroups);
        return await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(upn, "P@ssw0rd", clientId));
    }

    [Fact]
    public async Task AppTokenWithoutTheRole_Returns403_ForbiddenNamingThePermissions()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Alert.Read.All");

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (the application's roles include none of the permissions this action requires: Machine.Read.All, Machine.ReadWrite.All).");
    }

    [Fact]
    public async Task AppTokenWithTheReadWriteRole_SatisfiesAReadEndpoint()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.ReadWrite.All");

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UserTokenWithoutTheScope_Returns403_Forbidden()
    {
        var clientId = $"native-{Guid.NewGuid():N}";
        await factory.RegisterDelegatedAppAsync(clientId, ["Alert.Read"]);
        using var client = await UserClientAsync(clientId: clientId);

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (the token's scopes (scp) include none of the delegated permissions this action requires: Machine.Read, Machine.ReadWrite).");
    }

    [Fact]
    public async Task UserToken_OnAnEndpointWithoutDelegatedPermissions_Returns403_Forbidden()
    {
        using var client = await UserClientAsync();

        using var response = await client.DeleteAsync(ProtectedProbeEndpoints.AppOnlyPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (this action accepts no delegated permission; call it with an application token).");
    }

    [Fact]
    public async Task UserWithTheScopeAndViewData_IsAllowed_AsADelegatedCaller()
    {
        using var client = await UserClientAsync(roles: ["View Data"]);

        var caller = await client.GetFromJsonAsync<ProbeCaller>(ProtectedProbeEndpoints.ReadPath);

        Assert.True(caller!.IsDelegated);
        Assert.EndsWith("@contoso.com", caller.Requestor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutThePortalRole_Returns403_ForbiddenNamingTheRole()
    {
        using var client = await UserClientAsync(roles: ["Alerts investigation"]);

        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (the user does not have the 'View Data' role in Microsoft Defender for Endpoint).");
    }

    [Fact]
    public async Task UserActingOnADeviceOutsideItsGroups_Returns403_ForbiddenNamingTheGroup()
    {
        using var client = await UserClientAsync(deviceGroups: new[] { "140" });

        using var allowed = await client.PostAsync($"{ProtectedProbeEndpoints.IsolatePath}/140", null);
        using var refused = await client.PostAsync($"{ProtectedProbeEndpoints.IsolatePath}/141", null);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.Forbidden, "Forbidden", "Forbidden (the user has no access to device group '141').");
    }

    [Fact]
    public async Task UserWithoutActiveRemediation_Returns403_ForAnAction()
    {
        using var client = await UserClientAsync(roles: ["View Data", "Alerts investigation"]);

        using var response = await client.PostAsync($"{ProtectedProbeEndpoints.IsolatePath}/140", null);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (the user does not have the 'Active remediation actions' role in Microsoft Defender for Endpoint).");
    }

    [Fact]
    public async Task AppToken_SeesEveryDeviceGroup_AndUserTokens_OnlyTheirs()
    {
        using var app = await factory.CreateApiClientAsync();
        using var user = await UserClientAsync(deviceGroups: new object[] { 1, "3" });
        var path = $"{ProtectedProbeEndpoints.VisibleGroupsPath}?groups=1,2,3,4";

        Assert.Equal(["1", "2", "3", "4"], (await app.GetFromJsonAsync<string[]>(path))!);
        Assert.Equal(["1", "3"], (await user.GetFromJsonAsync<string[]>(path))!);
    }

    [Fact]
    public async Task FeatureSwitchedOff_Returns403_DisabledFeature()
    {
        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant, new { liveResponse = false });
        await factory.RegisterAppAsync("lr-app", "secret", ["Machine.LiveResponse"], tenant);
        using var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("lr-app", "secret", tenant));

        using var response = await client.PostAsync(ProtectedProbeEndpoints.LiveResponsePath, null);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisabledFeature", "Tenant feature isn't enabled: liveResponse.");
    }

    [Fact]
    public async Task FeatureSwitchedBackOn_IsAllowedAgain()
    {
        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant, new { liveResponse = false });
        await factory.RegisterAppAsync("lr-app", "secret", ["Machine.LiveResponse"], tenant);
        using var admin = await factory.CreateReadyClientAsync();
        (await admin.PutAsJsonAsync($"/_emulator/tenants/{tenant}/features", new { liveResponse = true })).EnsureSuccessStatusCode();
        using var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("lr-app", "secret", tenant));

        using var response = await client.PostAsync(ProtectedProbeEndpoints.LiveResponsePath, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PolicyRefusal_Returns403_DisallowedOperationWithTheReason()
    {
        using var client = await factory.CreateApiClientAsync();

        using var response = await client.PostAsync(ProtectedProbeEndpoints.DisallowedPath, null);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisallowedOperation",
            "StopAndQuarantineFile isn't allowed: the file is signed by Microsoft.");
    }
}
