using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Tenancy;

/// <summary>
/// Two tenants loaded with random data through the admin API: each tenant's tokens read, count and guess only their
/// own. To cover a new feature's data, add an <see cref="IIsolatedCollection"/> to <see cref="Collections"/>.
/// </summary>
public sealed class TenantIsolationTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private static readonly IIsolatedCollection[] Collections =
    [
        new IsolatedApps(),
        new IsolatedUsers(),
        new IsolatedFeatures(),
        new IsolatedJournal(),
        new IsolatedMachines(),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(20211203)]
    [InlineData(424242)]
    public async Task TwoTenantsWithRandomData_NeverReadEachOthers(int seed)
    {
        var random = new Random(seed);
        var shared = new SharedNames($"shared-app-{seed}", $"shared-{seed}@contoso.com");
        var a = await CreateTenantAsync(random, shared);
        var b = await CreateTenantAsync(random, shared);

        foreach (var (self, other) in new[] { (a, b), (b, a) })
        {
            foreach (var collection in Collections)
            {
                await collection.AssertIsolatedAsync(factory, self, other);
            }
        }
    }

    private async Task<IsolatedTenant> CreateTenantAsync(Random random, SharedNames shared)
    {
        var tenant = new IsolatedTenant(Guid.NewGuid(), shared, random);
        await factory.CreateTenantAsync(tenant.Id);
        await factory.RegisterAppAsync(IsolatedTenant.ReaderApp, tenant.Secret, ["Machine.Read.All", "Machine.LiveResponse"], tenant.Id);
        foreach (var collection in Collections)
        {
            await collection.LoadAsync(factory, tenant);
        }

        tenant.Reader = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync(IsolatedTenant.ReaderApp, tenant.Secret, tenant.Id));
        return tenant;
    }
}

/// <summary>One kind of tenant-owned data: how to load random items into a tenant and how to prove isolation.</summary>
public interface IIsolatedCollection
{
    /// <summary>Loads random items into <paramref name="tenant"/> (through the admin or API), recording them on it.</summary>
    Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant);

    /// <summary>Asserts that <paramref name="self"/>'s tokens see exactly its own items and nothing of <paramref name="other"/>.</summary>
    Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other);
}

/// <summary>Names deliberately registered in both tenants, so isolation cannot rely on names being unique.</summary>
public sealed record SharedNames(string ClientId, string Upn);

/// <summary>A tenant under test and what was loaded into it.</summary>
public sealed class IsolatedTenant(Guid id, SharedNames shared, Random random)
{
    public const string ReaderApp = "isolation-reader";

    public Guid Id { get; } = id;

    public SharedNames Shared { get; } = shared;

    public Random Random { get; } = random;

    public string Secret { get; } = $"secret-{random.Next():x}";

    public List<string> Apps { get; } = [ReaderApp];

    public List<string> Users { get; } = [];

    public Dictionary<string, bool> Features { get; } = [];

    /// <summary>A client with the reader app's token of this tenant (set after loading).</summary>
    public HttpClient Reader { get; set; } = null!;
}

internal sealed class IsolatedApps : IIsolatedCollection
{
    public async Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant)
    {
        foreach (var clientId in Enumerable.Range(0, tenant.Random.Next(1, 5)).Select(_ => $"app-{tenant.Random.Next():x8}").Append(tenant.Shared.ClientId))
        {
            await factory.RegisterAppAsync(clientId, tenant.Secret, ["Machine.Read.All"], tenant.Id);
            tenant.Apps.Add(clientId);
        }
    }

    public async Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other)
    {
        var seen = (await self.Reader.GetFromJsonAsync<ProbeTenantData>(ProtectedProbeEndpoints.TenantDataPath))!;
        Assert.Equal(self.Apps.Order(StringComparer.Ordinal), seen.Apps);
        Assert.Equal(self.Apps.Count + self.Users.Count, seen.Count);

        using var client = await factory.CreateReadyClientAsync();
        foreach (var clientId in other.Apps.Except(self.Apps))
        {
            using var guessed = await RequestAppTokenAsync(client, self.Id, clientId, other.Secret);
            await EntraAssert.IsErrorAsync(guessed, 400, "unauthorized_client", 700016);
        }

        using var otherSecret = await RequestAppTokenAsync(client, self.Id, self.Shared.ClientId, other.Secret);
        await EntraAssert.IsErrorAsync(otherSecret, 401, "invalid_client", 7000215);
    }

    private static Task<HttpResponseMessage> RequestAppTokenAsync(HttpClient client, Guid tenant, string clientId, string secret) =>
        client.PostAsync($"/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            ["scope"] = $"{ProtectedApiFactory.ApiResource}/.default",
        }));
}

internal sealed class IsolatedUsers : IIsolatedCollection
{
    public async Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant)
    {
        foreach (var upn in Enumerable.Range(0, tenant.Random.Next(1, 5)).Select(_ => $"u{tenant.Random.Next():x8}@contoso.com").Append(tenant.Shared.Upn))
        {
            await factory.RegisterUserAsync(upn, tenant.Secret, tenantId: tenant.Id);
            tenant.Users.Add(upn);
        }
    }

    public async Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other)
    {
        var seen = (await self.Reader.GetFromJsonAsync<ProbeTenantData>(ProtectedProbeEndpoints.TenantDataPath))!;
        Assert.Equal(self.Users.Order(StringComparer.Ordinal), seen.Users);

        foreach (var upn in other.Users.Except(self.Users))
        {
            using var guessed = await factory.RequestUserTokenAsync(upn, other.Secret, self.Shared.ClientId, tenantId: self.Id);
            await EntraAssert.IsErrorAsync(guessed, 400, "invalid_grant", 50034);
        }

        using var otherPassword = await factory.RequestUserTokenAsync(self.Shared.Upn, other.Secret, self.Shared.ClientId, tenantId: self.Id);
        await EntraAssert.IsErrorAsync(otherPassword, 400, "invalid_grant", 50126);

        using var user = await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(self.Shared.Upn, self.Secret, self.Shared.ClientId, self.Id));
        var asUser = (await user.GetFromJsonAsync<ProbeTenantData>(ProtectedProbeEndpoints.TenantDataPath))!;
        Assert.Equal(seen.Apps, asUser.Apps);
        Assert.Equal(seen.Users, asUser.Users);
        Assert.Equal(seen.Count, asUser.Count);
    }
}

internal sealed class IsolatedFeatures : IIsolatedCollection
{
    public async Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant)
    {
        tenant.Features["liveResponse"] = tenant.Random.Next(2) == 0;
        using var admin = await factory.CreateReadyClientAsync();
        (await admin.PutAsJsonAsync($"/_emulator/tenants/{tenant.Id}/features", tenant.Features)).EnsureSuccessStatusCode();
    }

    public async Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other)
    {
        using var admin = await factory.CreateReadyClientAsync();
        var features = await admin.GetFromJsonAsync<Dictionary<string, bool>>($"/_emulator/tenants/{self.Id}/features");
        Assert.Equal(self.Features["liveResponse"], features!["liveResponse"]);

        using var response = await self.Reader.PostAsync(ProtectedProbeEndpoints.LiveResponsePath, null);
        Assert.Equal(self.Features["liveResponse"] ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }
}

internal sealed class IsolatedJournal : IIsolatedCollection
{
    public Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant) => Task.CompletedTask;

    public async Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other)
    {
        var marker = $"/api/_probe/read?marker={Guid.NewGuid():N}";
        using var call = await self.Reader.GetAsync(marker);
        using var admin = await factory.CreateReadyClientAsync();
        var entries = await admin.GetFromJsonAsync<List<JournalView>>("/_emulator/journal?limit=200");

        var entry = Assert.Single(entries!, e => e.Path + e.Query == marker);
        Assert.Equal(self.Id.ToString(), entry.TenantId);
    }

    private sealed record JournalView(string Path, string Query, string? TenantId);
}
