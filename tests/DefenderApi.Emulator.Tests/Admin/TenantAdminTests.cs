using System.Net;
using System.Net.Http.Json;
using System.Text;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class TenantAdminTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private const string AllDefaults =
        """{"liveResponse":true,"liveResponseUnsignedScripts":false,"customIndicators":true,"automatedInvestigation":true,"advancedHunting":true,"vulnerabilityManagement":true,"deviceHealthReporting":true}""";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task CreateTenant_Returns201_WithEveryFeature()
    {
        var tenant = Guid.NewGuid();

        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", "{\"tenantId\":\"" + tenant + "\",\"seed\":\"none\",\"features\":{\"advancedHunting\":false}}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            "{\"tenantId\":\"" + tenant + "\",\"seed\":\"none\",\"features\":" + AllDefaults.Replace("\"advancedHunting\":true", "\"advancedHunting\":false", StringComparison.Ordinal) + "}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreatedTenant_IssuesTokensForAppsRegisteredInIt_AndTheApiAcceptsThem()
    {
        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant);
        await factory.RegisterAppAsync("tenant-app", "secret", ["Machine.Read.All"], tenant);

        using var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("tenant-app", "secret", tenant));
        using var response = await client.GetAsync(ProtectedProbeEndpoints.ReadPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_WithABadGuid_Returns400_InvalidInput()
    {
        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", """{"tenantId":"contoso"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input 'contoso' for tenantId; expected a GUID.");
    }

    [Fact]
    public async Task CreateTenant_ThatExists_Returns400_BadRequest()
    {
        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", """{"tenantId":"00000000-0000-0000-0000-000000000001"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Tenant 00000000-0000-0000-0000-000000000001 already exists");
    }

    [Fact]
    public async Task CreateTenant_WithAnUnknownFeature_Returns400_InvalidInputNamingIt()
    {
        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", "{\"tenantId\":\"" + Guid.NewGuid() + "\",\"features\":{\"teleportation\":true}}");

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains("'teleportation' is not a tenant feature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTenant_WithAnUnknownSeed_Returns400_InvalidInput()
    {
        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", $$"""{"tenantId":"{{Guid.NewGuid()}}","seed":"full"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input 'full' for seed; allowed values: none, demo.");
    }

    [Fact]
    public async Task CreateTenant_WithoutTenantId_Returns400_MissingRequiredParameter()
    {
        using var response = await SendAsync(HttpMethod.Post, "/_emulator/tenants", """{"seed":"none"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter");
    }

    [Fact]
    public async Task PutFeatures_ChangesOnlyWhatItNames_AndReturnsAll()
    {
        var tenant = Guid.NewGuid();
        await factory.CreateTenantAsync(tenant, new { customIndicators = false });

        using var response = await SendAsync(HttpMethod.Put, $"/_emulator/tenants/{tenant}/features", """{"liveResponseUnsignedScripts":true}""");
        using var client = await factory.CreateReadyClientAsync();
        var read = await client.GetStringAsync($"/_emulator/tenants/{tenant}/features");

        var expected = AllDefaults
            .Replace("\"liveResponseUnsignedScripts\":false", "\"liveResponseUnsignedScripts\":true", StringComparison.Ordinal)
            .Replace("\"customIndicators\":true", "\"customIndicators\":false", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task PutFeatures_WithANonBooleanValue_Returns400_InvalidInput()
    {
        using var response = await SendAsync(HttpMethod.Put, "/_emulator/tenants/00000000-0000-0000-0000-000000000001/features", """{"liveResponse":"off"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input \"off\" for liveResponse; expected true or false.");
    }

    [Fact]
    public async Task Features_OfAnUnknownTenant_Return404_ResourceNotFound()
    {
        var tenant = Guid.NewGuid();
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync($"/_emulator/tenants/{tenant}/features");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", $"Tenant {tenant} was not found");
    }
}
