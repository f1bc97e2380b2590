using System.Net;
using DefenderApi.Client.Tests.Infrastructure;
using DefenderApi.Errors;

namespace DefenderApi.Client.Tests.Auth;

public sealed class TokenTests
{
    private const string MachineJson = """{"id":"m1"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unauthorized_GetsAFreshTokenOnce_AndRetriesOnce()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("Unauthorized", 401).Then(HttpStatusCode.OK, MachineJson);

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal(["token-1", "token-2"], harness.Transport.Requests.Select(r => r.Token));
        Assert.Equal(2, harness.Credential.Calls);
    }

    [Fact]
    public async Task Unauthorized_Twice_SurfacesTheException_AfterOneRefresh()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("Unauthorized", 401).ThenError("Unauthorized", 401, target: "cccccccc-0000-0000-0000-000000000002");

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Equal(DefenderErrorCode.Unauthorized, error.ErrorCode);
        Assert.Equal("cccccccc-0000-0000-0000-000000000002", error.Target);
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_OnAMachineAction_AlsoRefreshesOnce_BecauseA401WasNotExecuted()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("Unauthorized", 401).Then(HttpStatusCode.Created, """{"id":"a1","status":"Pending"}""");

        var action = await harness.Client.OffboardMachineAsync("m1", "bye", Ct);

        Assert.Equal("a1", action.Id);
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task Token_IsCached_UntilFiveMinutesBeforeExpiry()
    {
        var harness = new ClientHarness();
        harness.Transport.Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(MachineJson) };

        await harness.Client.GetMachineAsync("m1", Ct);
        harness.Clock.Now += TimeSpan.FromMinutes(54);
        await harness.Client.GetMachineAsync("m1", Ct);
        harness.Clock.Now += TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);
        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal(["token-1", "token-1", "token-2"], harness.Transport.Requests.Select(r => r.Token));
    }

    [Fact]
    public async Task Token_IsRequestedForTheMdeDefaultScope_OrTheConfiguredOne()
    {
        var harness = new ClientHarness(o => o.Scope = "https://api.security.microsoft.com/.default");
        harness.Transport.Then(HttpStatusCode.OK, MachineJson);

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal(["https://api.security.microsoft.com/.default"], harness.Credential.Scopes.Single());
        Assert.Equal("https://api.securitycenter.microsoft.com/.default", DefenderClientOptions.DefaultScope);
    }
}
