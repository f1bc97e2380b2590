using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// The real emulator in process: in-memory storage, real pipeline, real tokens from its own token endpoint.
/// Optionally on a <see cref="FakeTimeProvider"/> so tests move time.
/// </summary>
public class EmulatorFactory : WebApplicationFactory<Program>
{
    /// <summary>The start time of <see cref="Clock"/>.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Seed of the default tenant: <c>none</c> (fast) unless a test needs the demo set.</summary>
    public string Seed { get; init; } = "none";

    /// <summary>Machines the demo seed generates.</summary>
    public int DemoMachines { get; init; } = 200;

    /// <summary>The fake clock, when <see cref="UseFakeTime"/> is set.</summary>
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>Whether the emulator runs on <see cref="Clock"/>.</summary>
    public bool UseFakeTime { get; init; }

    /// <summary>Extra configuration (key → value).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Emulator:Storage", "InMemory");
        builder.UseSetting("Emulator:Seed", Seed);
        builder.UseSetting("Emulator:DemoMachines", DemoMachines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (UseFakeTime)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>An HTTP client to the emulator, once it is ready.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await EmulatorHealth.WaitUntilReadyAsync(client);
        return client;
    }

    /// <summary>Gets a token from the emulator's own v2 token endpoint.</summary>
    public async Task<string> GetTokenAsync(
        string clientId = DefaultTenant.ClientId,
        string clientSecret = DefaultTenant.ClientSecret,
        Guid? tenantId = null)
    {
        using var client = await CreateReadyClientAsync();
        using var response = await client.PostAsync($"/{tenantId ?? DefaultTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Registers an app with exactly <paramref name="roles"/> through the admin API.</summary>
    public async Task RegisterAppAsync(string clientId, string clientSecret, IReadOnlyList<string> roles, Guid? tenantId = null)
    {
        using var client = await CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync(
            $"/_emulator/tenants/{tenantId ?? DefaultTenant.TenantId}/apps",
            new { clientId, clientSecret, roles });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client authenticated as the default app (every permission).</summary>
    public async Task<HttpClient> CreateApiClientAsync()
    {
        var client = await CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync());
        return client;
    }

    /// <summary>A client authenticated as a new app holding only <paramref name="roles"/>.</summary>
    public async Task<HttpClient> CreateApiClientWithRolesAsync(params string[] roles)
    {
        var clientId = $"app-{Guid.NewGuid():N}";
        await RegisterAppAsync(clientId, "secret", roles);
        var client = await CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(clientId, "secret"));
        return client;
    }
}
