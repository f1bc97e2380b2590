using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Clock;

public sealed class ClockEndpointTests(ClockEndpointTests.VirtualClockFactory factory) : IClassFixture<ClockEndpointTests.VirtualClockFactory>
{
    /// <summary>Started like <c>--virtual-clock</c> (no fake clock from the test: the emulator's own).</summary>
    public sealed class VirtualClockFactory : EmulatorFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Emulator:VirtualClock", "true");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ProbeApi>());
        }
    }

    [Fact]
    public async Task ClockAdvance_MovesTheVirtualClock_AndReopensARateLimitWindow()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        await RateLimitTests.CallAsync(client, ProbeApi.TightPath, times: 2);
        using var refused = await client.GetAsync(ProbeApi.TightPath);
        Assert.Equal("60", RateLimitTests.RetryAfter(refused));

        var before = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        using var advanced = await PostAsync(client, """{"seconds":60}""");

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal($$"""{"now":"{{before.AddSeconds(60).UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFF}}Z"}""", await advanced.Content.ReadAsStringAsync());
        await RateLimitTests.CallAsync(client, ProbeApi.TightPath, times: 1);
    }

    [Theory]
    [InlineData("""{"seconds":-1}""", "Invalid input '-1' for seconds; expected a number from 0 to 316224000.")]
    [InlineData("""{"seconds":"ten"}""", null)]
    public async Task ClockAdvance_WithABadAmount_Returns400_InvalidInput(string body, string? message)
    {
        using var admin = await factory.CreateReadyClientAsync();

        using var response = await PostAsync(admin, body);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task ClockAdvance_WithoutVirtualClock_Returns403_DisallowedOperation()
    {
        await using var realClock = new EmulatorFactory();
        using var admin = await realClock.CreateReadyClientAsync();

        using var response = await PostAsync(admin, """{"seconds":1}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisallowedOperation",
            "The clock can only be advanced when the emulator was started with --virtual-clock.");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync("/_emulator/clock/advance", content);
    }
}
