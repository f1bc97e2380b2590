using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class ResetTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private const string StartApps = "51/51";

    [Fact]
    public async Task Reset_UnderConcurrentReaders_NoReaderEverSeesAHalfReset()
    {
        using var reader = await factory.CreateApiClientAsync();
        using var admin = await factory.CreateReadyClientAsync();
        // Start from the start state: earlier tests of this class (and the reader's own app) add apps.
        using (var initial = await admin.PostAsync("/_emulator/reset", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, initial.StatusCode);
        }

        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();

        var readers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await reader.GetAsync(ProbeApi.AppsPath);
                seen.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        })).ToArray();
        for (var i = 0; i < 8; i++)
        {
            await factory.RegisterAppAsync($"extra-{i}", "s", ["Machine.Read.All"]);
            using var reset = await admin.PostAsync("/_emulator/reset", null);
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // Between resets one extra app is registered (51 → 52, possibly between a reader's two counts); during a reset
        // readers wait, so a count from 0 to 50 (rows deleted, seed not yet complete) is never seen.
        Assert.All(seen, answer => Assert.Contains(answer, new[] { $"200 {StartApps}", "200 51/52", "200 52/52" }));
        Assert.Contains($"200 {StartApps}", seen);
    }

    [Fact]
    public async Task TenantReset_ResetsThatTenantOnly()
    {
        var other = await factory.NewTenantAsync();
        using var there = await factory.CreateProbeClientAsync(other, "other-reader");
        using var here = await factory.CreateApiClientAsync();
        await factory.RegisterAppAsync("kept-here", "s", ["Machine.Read.All"]);
        using var admin = await factory.CreateReadyClientAsync();
        var hereBefore = await (await here.GetAsync(ProbeApi.AppsPath)).Content.ReadAsStringAsync();

        using var reset = await admin.PostAsync($"/_emulator/tenants/{other}/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("50/50", await (await there.GetAsync(ProbeApi.AppsPath)).Content.ReadAsStringAsync());
        Assert.Equal(hereBefore, await (await here.GetAsync(ProbeApi.AppsPath)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-00000000dead")]
    public async Task TenantReset_OfAnUnknownTenant_Returns404_ResourceNotFound(string tenantId)
    {
        using var admin = await factory.CreateReadyClientAsync();

        using var response = await admin.PostAsync($"/_emulator/tenants/{tenantId}/reset", null);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", $"Tenant {tenantId} was not found");
    }

    [Fact]
    public async Task Reset_KeepsTheDefaultAppWorking()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var reset = await admin.PostAsync("/_emulator/reset", null);

        var token = await factory.GetTokenAsync(DefaultTenant.ClientId, DefaultTenant.ClientSecret);

        Assert.NotEmpty(token);
    }
}
