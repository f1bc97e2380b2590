using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DefenderApi.Emulator.Tests.Dashboard;

/// <summary>
/// The emulator on a real loopback port (Kestrel), on the virtual clock and with an admin key, and one headless
/// Debian chromium driven by Playwright with one page that the tests of a class share. Chromium is never downloaded:
/// without it (<c>apt-get install chromium</c>, as .ci/run does) the fixture fails and says so.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>The admin key the emulator is started with.</summary>
    public const string AdminKey = "dashboard-admin-key";

    /// <summary>A request header that makes the caller look remote (<see cref="RemoteAddressFilter"/>).</summary>
    public const string RemoteHeader = RemoteAddressFilter.Header;

    private IPlaywright? _playwright;

    /// <summary>The emulator.</summary>
    public DashboardFactory Factory { get; } = new();

    /// <summary>The emulator's address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The shared page, on the dashboard, as a loopback caller.</summary>
    public IPage Page { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output's <c>screenshots</c> folder.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>The chromium binary: <c>CHROMIUM_PATH</c>, else Debian's.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it), or CHROMIUM_PATH naming another chromium binary.");
        }

        Factory.StartServer();
        var bound = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(bound.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
        using (var client = CreateClient())
        {
            await EmulatorHealth.WaitUntilReadyAsync(client);
            using var loaded = await client.PostAsJsonAsync(
                $"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines", TestMachines.Standard(EmulatorFactory.StartTime));
            loaded.EnsureSuccessStatusCode();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Page = await NewPageAsync();
        await Page.GotoAsync(new Uri(BaseAddress, "/_emulator/ui/").ToString());
        await Assertions.Expect(Page.Locator("#status")).ToHaveTextAsync("Connected.");
    }

    /// <summary>A page in a context of its own (1280×900, clipboard allowed), with <paramref name="headers"/> on every request.</summary>
    public async Task<IPage> NewPageAsync(IDictionary<string, string>? headers = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = headers,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot of the page into <see cref="ScreenshotDirectory"/>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = false });

    /// <summary>A token of the default app (every permission) from the emulator's own token endpoint.</summary>
    public async Task<string> GetTokenAsync()
    {
        using var client = CreateClient();
        using var response = await client.PostAsync($"/{DefaultTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DefaultTenant.ClientId,
            ["client_secret"] = DefaultTenant.ClientSecret,
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }


    /// <summary>An HTTP client to the emulator's real port.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>The emulator on Kestrel at a free loopback port.</summary>
    public sealed class DashboardFactory : EmulatorFactory
    {
        public DashboardFactory()
        {
            Settings["Emulator:AdminKey"] = AdminKey;
            Settings["Emulator:VirtualClock"] = "true";
            UseKestrel();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, RemoteAddressFilter>());
        }
    }
}
