using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DefenderApi.Emulator.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: each panel is driven by clicks and typing, and the effect is checked through the
/// API. The tests share one page; each opens the panel it needs.
/// </summary>
public sealed class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private IPage Page => fixture.Page;

    private async Task OpenPanelAsync(string name)
    {
        await Page.ClickAsync($"#tab-{name}");
        await Expect(Page.Locator($"#panel-{name}")).ToBeVisibleAsync();
    }

    private async Task<HttpClient> ApiClientAsync()
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.GetTokenAsync());
        return client;
    }

    [Fact]
    public async Task Journal_ShowsAnApiCallWithinASecond_AndOpensItsExchangeByTarget_WithSecretsMasked()
    {
        await OpenPanelAsync("journal");
        using var client = await ApiClientAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        using var response = await client.PostApiAsync(
            "/api/machines/no-such-machine/isolate", new { Comment = "from the dashboard test", IsolationType = "Full", client_secret = "very-secret-value" });
        Assert.True((int)response.StatusCode >= 400, $"expected an error, got {response.StatusCode}");
        var target = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("target").GetString()!;

        // The live stream puts the row on the page within a second of the call.
        await Expect(Page.Locator("#panel-journal tbody tr", new() { HasText = target })).ToBeVisibleAsync(new() { Timeout = 1_000 });

        // Filters narrow the rows to that call.
        await Page.FillAsync("#journal-status", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.FillAsync("#journal-path", "/isolate");
        await Expect(Page.Locator("#panel-journal tbody tr")).ToHaveCountAsync(1);
        await Page.FillAsync("#journal-status", string.Empty);
        await Page.FillAsync("#journal-path", string.Empty);

        await Page.FillAsync("#journal-target", target);
        await Page.Keyboard.PressAsync("Enter");
        var request = Page.GetByLabel("Request headers");
        await Expect(request).ToContainTextAsync("Authorization: Bearer ***");
        await Expect(Page.GetByLabel("Request body")).ToContainTextAsync("from the dashboard test");
        await Expect(Page.GetByLabel("Request body")).ToContainTextAsync("\"client_secret\":\"***\"");
        await Expect(Page.GetByLabel("Response body")).ToContainTextAsync(target);

        var source = await Page.ContentAsync();
        Assert.DoesNotContain(token, source, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", source, StringComparison.Ordinal);
        await DashboardFixture.ScreenshotAsync(Page, "journal");
    }

    [Fact]
    public async Task ErrorsChart_CountsErrorsByCodeAndByEndpoint()
    {
        await OpenPanelAsync("journal");
        using var anonymous = fixture.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync($"/api/alerts/{Guid.NewGuid()}")).Dispose();
        }

        var byEndpoint = Page.Locator("#panel-journal figure", new() { HasText = "Errors by endpoint" }).Locator("svg");
        await Expect(byEndpoint).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"GET /api/alerts/\{id\} 3"));
        var byCode = Page.Locator("#panel-journal figure", new() { HasText = "Errors by code" }).Locator("svg");
        await Expect(byCode).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Unauthorized [0-9]+"));
        await Page.Locator("#panel-journal section[aria-label='Errors at a glance']").ScrollIntoViewIfNeededAsync();
        await DashboardFixture.ScreenshotAsync(Page, "errors");
    }

    [Fact]
    public async Task Faults_AddedInTheUi_MakesTheNextApiCallFail_AndRefusesWhatTheApiRefuses()
    {
        await OpenPanelAsync("faults");
        await Page.FillAsync("#fault-probability", "2");
        await Page.ClickAsync("text=Add rule");
        await Expect(Page.Locator("#status")).ToContainTextAsync("InvalidInput");
        await Expect(Page.Locator("#status")).ToContainTextAsync("probability");

        await Page.FillAsync("#fault-probability", string.Empty);
        await Page.FillAsync("#fault-method", "GET");
        await Page.FillAsync("#fault-path", "/api/machines");
        await Page.FillAsync("#fault-error", "TooManyRequests");
        await Page.FillAsync("#fault-count", "1");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#panel-faults tbody tr")).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(Page, "faults");

        using var client = await ApiClientAsync();
        using (var failed = await client.GetAsync("/api/machines"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, failed.StatusCode);
        }

        using (var next = await client.GetAsync("/api/machines"))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await Page.FillAsync("#fault-path", "/api/alerts");
        await Page.FillAsync("#fault-count", string.Empty);
        await Page.ClickAsync("text=Add rule");
        await Expect(Page.Locator("#panel-faults tbody tr")).ToHaveCountAsync(2);
        await Page.Locator("#panel-faults tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Page.Locator("#panel-faults tbody tr")).ToHaveCountAsync(1);
        await Page.ClickAsync("text=Clear all rules");
        await Expect(Page.Locator("#panel-faults tbody tr")).ToHaveCountAsync(0);
        using var admin = fixture.CreateClient();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/_emulator/faults")).GetArrayLength());
    }

    [Fact]
    public async Task MachineActions_CompletedInTheUi_ShowSucceededThroughTheApi()
    {
        await OpenPanelAsync("actions");
        await Expect(Page.Locator("#panel-actions tbody tr").First).ToBeVisibleAsync();
        await Page.SelectOptionAsync("#actions-mode", "manual");
        await Page.ClickAsync("text=Save mode");
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Saved the lifecycle mode.");
        using var admin = fixture.CreateClient();
        var settings = await admin.GetFromJsonAsync<JsonElement>("/_emulator/settings");
        Assert.Equal("manual", settings.GetProperty("machineActions").GetProperty("mode").GetString());

        using var client = await ApiClientAsync();
        var isolate = await StartAsync(client, TestMachines.Windows11, "isolate", new { Comment = "dashboard", IsolationType = "Full" });
        var scan = await StartAsync(client, TestMachines.Windows11, "runAntiVirusScan", new { Comment = "dashboard", ScanType = "Quick" });

        await Page.ClickAsync("#panel-actions >> text=Refresh");
        await Expect(Page.Locator($"#panel-actions tr[data-id='{isolate}']")).ToContainTextAsync("Pending");
        await DashboardFixture.ScreenshotAsync(Page, "machine-actions");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Succeeded {isolate}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Cancel {scan}" }).ClickAsync();
        await Expect(Page.Locator($"#panel-actions tr[data-id='{scan}']")).ToHaveCountAsync(0);

        Assert.Equal("Succeeded", (await client.GetFromJsonAsync<JsonElement>($"/api/machineactions/{isolate}")).GetProperty("status").GetString());
        Assert.Equal("Cancelled", (await client.GetFromJsonAsync<JsonElement>($"/api/machineactions/{scan}")).GetProperty("status").GetString());
    }

    private static async Task<string> StartAsync(HttpClient client, string machine, string action, object body)
    {
        using var response = await client.PostApiAsync($"/api/machines/{machine}/{action}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Tenants_CreatedWithAnAppAndFeatures_InTheUi_AndAMintedTokenCallsTheApi()
    {
        await OpenPanelAsync("tenants");
        var tenantId = Guid.NewGuid().ToString();
        await Page.FillAsync("#tenants-newTenant", tenantId);
        await Page.SelectOptionAsync("#tenants-seed", "none");
        await Page.ClickAsync("text=Create tenant");
        await Expect(Page.Locator("#status")).ToHaveTextAsync($"Created tenant {tenantId}.");
        await Expect(Page.Locator("#tenant")).ToHaveValueAsync(tenantId);

        const string secret = "dashboard-app-secret-value";
        await Page.FillAsync("#tenants-appClient", "dashboard-app");
        await Page.FillAsync("#tenants-appSecret", secret);
        await Page.FillAsync("#tenants-roles", "Machine.Read.All, Alert.Read.All");
        await Page.ClickAsync("text=Register app");
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Registered dashboard-app with 2 roles.");

        var tenantCard = Page.Locator($"article[aria-label='Tenant {tenantId}']");
        await tenantCard.GetByLabel("advancedHunting").UncheckAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync($"advancedHunting is off for {tenantId}.");
        using var admin = fixture.CreateClient();
        var features = await admin.GetFromJsonAsync<JsonElement>($"/_emulator/tenants/{tenantId}/features");
        Assert.False(features.GetProperty("advancedHunting").GetBoolean());

        await Page.FillAsync("#tenants-tokenClient", "dashboard-app");
        await Page.FillAsync("#tenants-tokenSecret", secret);
        await Page.ClickAsync("text=Mint token");
        await Expect(Page.Locator("#status")).ToContainTextAsync("Minted a token for dashboard-app");
        await Page.ClickAsync("text=Copy token");
        var token = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await Page.InputValueAsync("#tenants-token"), token);

        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The new tenant has no machines (404 "No recent machines were found"); the token is accepted and authorized.
        using var machines = await client.GetAsync("/api/machines");
        Assert.True(machines.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), await machines.Content.ReadAsStringAsync());

        var source = await Page.ContentAsync();
        Assert.DoesNotContain(secret, source, StringComparison.Ordinal);
        Assert.DoesNotContain(token, source, StringComparison.Ordinal);
        await DashboardFixture.ScreenshotAsync(Page, "tenants");
        await Page.SelectOptionAsync("#tenant", DefaultTenant.TenantId.ToString());
    }

    [Fact]
    public async Task Clock_AdvancedInTheUi_MovesTheEmulatorsClock_AndScenariosStartAndStop()
    {
        await Page.SelectOptionAsync("#tenant", DefaultTenant.TenantId.ToString());
        await OpenPanelAsync("clock");
        using var admin = fixture.CreateClient();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/_emulator/clock")).GetProperty("now").GetDateTimeOffset();
        await Page.ClickAsync("text=+1 hour");
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Advanced the clock by 3600 s.");
        var after = (await admin.GetFromJsonAsync<JsonElement>("/_emulator/clock")).GetProperty("now").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), after - before);

        await Page.SelectOptionAsync("#scenario-name", "ransomware");
        await Page.FillAsync("#scenario-seed", "7");
        await Page.ClickAsync("text=Start scenario");
        await Expect(Page.Locator("#status")).ToContainTextAsync("Started ransomware");
        await Page.ClickAsync("text=+5 minutes");
        var run = Page.Locator("#panel-clock article").First;
        await Expect(run.Locator("tbody tr").First).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(Page, "clock-scenarios");

        var runs = await admin.GetFromJsonAsync<JsonElement>($"/_emulator/tenants/{DefaultTenant.TenantId}/scenarios");
        var id = runs.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "ransomware").GetProperty("id").GetString()!;
        if (await run.GetByRole(AriaRole.Button, new() { Name = $"Stop scenario {id}" }).CountAsync() > 0)
        {
            await run.GetByRole(AriaRole.Button, new() { Name = $"Stop scenario {id}" }).ClickAsync();
            await Expect(Page.Locator("#status")).ToHaveTextAsync($"Stopped {id}.");
        }

        var stopped = await admin.GetFromJsonAsync<JsonElement>($"/_emulator/tenants/{DefaultTenant.TenantId}/scenarios/{id}");
        Assert.NotEqual("Running", stopped.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RateLimits_ShowTheCountersTheApiKeeps()
    {
        using var client = await ApiClientAsync();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/indicators")).Dispose();
        }

        using var admin = fixture.CreateClient();
        var counters = await admin.GetFromJsonAsync<JsonElement>("/_emulator/ratelimits");
        var counter = counters.EnumerateArray().Single(c => c.GetProperty("api").GetString()!.Contains("ndicator", StringComparison.Ordinal)
            && c.GetProperty("clientId").GetString() == DefaultTenant.ClientId);
        var minute = counter.GetProperty("windows")[0];

        await OpenPanelAsync("limits");
        var row = Page.Locator("#panel-limits tbody tr", new() { HasText = counter.GetProperty("api").GetString()! });
        await Expect(row).ToContainTextAsync($"{minute.GetProperty("used").GetInt32()} of {minute.GetProperty("limit").GetInt32()}");
        await Expect(row).ToContainTextAsync("frees at");
        await DashboardFixture.ScreenshotAsync(Page, "rate-limits");
    }

    [Fact]
    public async Task Accessibility_EveryControlHasALabel_AndTheTabsWorkFromTheKeyboard()
    {
        var unlabelled = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button')].filter((e) => {
              const labels = e.labels ? [...e.labels].map((l) => l.textContent.trim()).join(' ') : '';
              const name = labels || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' ? e.textContent.trim() : '');
              return !name;
            }).map((e) => e.outerHTML)
            """);
        Assert.Empty(unlabelled);

        await Page.FocusAsync("#tab-journal");
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.Locator("#tab-faults")).ToBeFocusedAsync();
        await Expect(Page.Locator("#tab-faults")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Page.Locator("#panel-faults")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("End");
        await Expect(Page.Locator("#tab-limits")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Home");
        await Expect(Page.Locator("#tab-journal")).ToBeFocusedAsync();
        await Expect(Page.Locator("#panel-journal")).ToBeVisibleAsync();

        // Tab leaves the tab list (one stop) for the panel's first control.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#journal-status")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task OutsideLoopback_ThePageAsksForTheAdminKey_ThenWorks()
    {
        var page = await fixture.NewPageAsync(new Dictionary<string, string> { [DashboardFixture.RemoteHeader] = "203.0.113.7" });
        try
        {
            await page.GotoAsync("/_emulator/ui/");
            await Expect(page.GetByLabel("Admin key")).ToBeVisibleAsync();
            await Expect(page.Locator("#status")).ToContainTextAsync("Forbidden");
            await DashboardFixture.ScreenshotAsync(page, "admin-key");

            await page.FillAsync("#admin-key", DashboardFixture.AdminKey);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#status")).ToHaveTextAsync("Connected.");
            await Expect(page.Locator("#journal-live")).ToHaveTextAsync("Live");
            Assert.DoesNotContain(DashboardFixture.AdminKey, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(DefaultTenant.ClientSecret, await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
