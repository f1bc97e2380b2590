using System.Net;
using System.Text;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class UserAdminTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private async Task<HttpResponseMessage> PostAsync(string json, string tenant = "00000000-0000-0000-0000-000000000001")
    {
        using var client = await factory.CreateReadyClientAsync();
        return await client.PostAsync($"/_emulator/tenants/{tenant}/users", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task RegisterUser_Returns201_WithoutThePassword_RolesAndGroupsAsGiven()
    {
        using var response = await PostAsync("""{"upn":"Tier1@Contoso.com","password":"pw","roles":["view data"],"deviceGroups":[140,"141"]}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(
            """^\{"tenantId":"00000000-0000-0000-0000-000000000001","upn":"tier1@contoso.com","objectId":"[0-9a-f-]{36}","displayName":"tier1","roles":\["View Data"\],"deviceGroups":\["140","141"\]\}$""",
            body);
    }

    [Fact]
    public async Task RegisterUser_ByDefault_HasEveryRoleAndAllDeviceGroups()
    {
        using var response = await PostAsync("""{"upn":"admin@contoso.com","password":"pw"}""");

        Assert.Contains(
            "\"roles\":[\"View Data\",\"Alerts investigation\",\"Active remediation actions\",\"Manage security setting\"],\"deviceGroups\":\"all\"",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterUser_WithAnUnknownRole_Returns400_InvalidInputNamingIt()
    {
        using var response = await PostAsync("""{"upn":"x@contoso.com","password":"pw","roles":["Global Admin"]}""");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.StartsWith("Invalid input 'Global Admin' for roles; known portal roles: View Data,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterUser_WithBadDeviceGroups_Returns400_InvalidInput()
    {
        using var response = await PostAsync("""{"upn":"x@contoso.com","password":"pw","deviceGroups":"some"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input \"some\" for deviceGroups; expected \"all\" or an array of rbacGroupId values.");
    }

    [Fact]
    public async Task RegisterUser_WithoutAnAt_Returns400_InvalidInput()
    {
        using var response = await PostAsync("""{"upn":"analyst","password":"pw"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task RegisterUser_InAnUnknownTenant_Returns404_ResourceNotFound()
    {
        var tenant = Guid.NewGuid().ToString();

        using var response = await PostAsync("""{"upn":"x@contoso.com","password":"pw"}""", tenant);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", $"Tenant {tenant} was not found");
    }

    [Fact]
    public async Task ReRegisteringAUser_ChangesItsRolesForTheNextCall_WithTheSameToken()
    {
        await factory.RegisterUserAsync("changing@contoso.com", "pw", ["View Data"]);
        using var client = await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync("changing@contoso.com", "pw"));
        using var before = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        await factory.RegisterUserAsync("changing@contoso.com", "pw", ["Alerts investigation"]);
        using var after = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await ErrorAssert.IsErrorAsync(after, HttpStatusCode.Forbidden, "Forbidden");
    }
}
