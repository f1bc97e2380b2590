using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>The admin API answers loopback callers, and remote callers only with the configured admin key.</summary>
public sealed class AdminAccessTests(AdminAccessTests.RemoteFactory factory) : IClassFixture<AdminAccessTests.RemoteFactory>
{
    private const string RemoteHeader = RemoteAddressFilter.Header;

    /// <summary>Started with an admin key; a test header sets the caller's address before the pipeline runs.</summary>
    public sealed class RemoteFactory : EmulatorFactory
    {
        public RemoteFactory() => Settings["Emulator:AdminKey"] = "let-me-in";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, RemoteAddressFilter>());
        }
    }

    private async Task<HttpResponseMessage> GetFeaturesAsync(string remote, string? key)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_emulator/tenants/00000000-0000-0000-0000-000000000001/features");
        request.Headers.Add(RemoteHeader, remote);
        if (key is not null)
        {
            request.Headers.Add("x-emulator-admin-key", key);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task LoopbackCaller_WithoutKey_IsAnswered()
    {
        using var response = await GetFeaturesAsync("127.0.0.1", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RemoteCaller_WithTheKey_IsAnswered()
    {
        using var response = await GetFeaturesAsync("203.0.113.7", "let-me-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task RemoteCaller_WithoutTheRightKey_Returns403_Forbidden(string? key)
    {
        using var response = await GetFeaturesAsync("203.0.113.7", key);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden",
            "Forbidden (the admin API answers loopback callers, or callers sending the x-emulator-admin-key header).");
    }

    private async Task<HttpResponseMessage> GetAsRemoteAsync(string path)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(RemoteHeader, "203.0.113.7");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Health_AnswersARemoteCallerWithoutTheKey()
    {
        using var response = await GetAsRemoteAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/_emulator/info")]
    [InlineData("/_emulator/journal?limit=1")]
    [InlineData("/_emulator/settings")]
    [InlineData("/_emulator/faults")]
    public async Task EveryOtherAdminPath_StillRefusesARemoteCallerWithoutTheKey(string path)
    {
        using var response = await GetAsRemoteAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }
}
