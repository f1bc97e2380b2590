using System.Net;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;

namespace DefenderApi.Emulator.Tests.Faults;

/// <summary>Every rule field; rules are cleared before each test (tests of a class run one at a time).</summary>
public sealed class FaultRuleTests(ThrottlingFactory factory) : FaultRulesTestBase(factory), IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task Rule_MatchingMethodAndPath_AnswersItsError_MarkedInjectedWithTheRuleId()
    {
        var id = await FaultTestClient.AddRuleAsync(Client, new { method = "get", path = "/api/_probe/*", error = "DisallowedOperation" });

        using var hit = await Client.GetAsync(ProbeApi.LimitedPath);
        using var otherMethod = await Client.PostAsync(ProbeApi.LimitedPath, null);
        using var otherPath = await Client.GetAsync("/api/_probe/limited/deeper");

        var error = await ErrorAssert.IsErrorAsync(hit, HttpStatusCode.Forbidden, "DisallowedOperation", "injected by the emulator.");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, otherMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPath.StatusCode);
        var entry = await FaultTestClient.JournalByTargetAsync(Client, error.Target);
        Assert.True(entry.GetProperty("injected").GetBoolean());
        Assert.NotEqual(id, string.Empty);
    }

    [Fact]
    public async Task PathPattern_DoubleStarMatchesAnyDepth_AndTheVersionedPrefixIsTheSamePath()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = "/api/v1.0/_probe/**", error = "NotFound" });

        using var deep = await Client.GetAsync("/api/_probe/a/b/c");
        using var versioned = await Client.GetAsync("/api/v1.0/_probe/limited");
        using var outside = await Client.GetAsync(ProbeApi.AppsPath.Replace("_probe", "_other", StringComparison.Ordinal));

        await ErrorAssert.IsErrorAsync(deep, HttpStatusCode.NotFound, "NotFound", "injected by the emulator");
        await ErrorAssert.IsErrorAsync(versioned, HttpStatusCode.NotFound, "NotFound", "injected by the emulator");
        await ErrorAssert.IsErrorAsync(outside, HttpStatusCode.NotFound, "NotFound", "No resource matches GET /api/_other/apps");
    }

    [Fact]
    public async Task Rule_ForAnotherTenant_LeavesThisTenantAlone_AndHitsThatTenant()
    {
        var other = await factory.NewTenantAsync();
        using var there = await factory.CreateProbeClientAsync(other, "other-app");
        await FaultTestClient.AddRuleAsync(Client, new { tenantId = other.ToString(), error = "Unauthorized" });

        using var here = await Client.GetAsync(ProbeApi.LimitedPath);
        using var hit = await there.GetAsync(ProbeApi.LimitedPath);

        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        await ErrorAssert.IsErrorAsync(hit, HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized (injected by the emulator).");
    }

    [Fact]
    public async Task Rule_ForATenant_AlsoHitsThatTenantsTokenEndpoint()
    {
        await FaultTestClient.AddRuleAsync(Client, new { tenantId = DefaultTenant.TenantId.ToString(), path = "/*/oauth2/v2.0/token", error = "TooManyRequests" });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => factory.GetTokenAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
    }

    [Fact]
    public async Task Count_LimitsHowManyCallsTheRuleHits()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", count = 2 });

        Assert.Equal(new[] { 500, 500, 200, 200 }, await StatusesAsync(4));
    }

    [Fact]
    public async Task AfterCalls_LetsThatManyMatchingCallsThroughFirst()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", afterCalls = 2, count = 1 });

        Assert.Equal(new[] { 200, 200, 500, 200 }, await StatusesAsync(4));
    }

    [Fact]
    public async Task Rules_AreTriedInCreationOrder_AndTheFirstHitWins()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "NotFound", count = 1 });
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", count = 1 });

        Assert.Equal(new[] { 404, 500, 200 }, await StatusesAsync(3));
    }

    [Fact]
    public async Task Probability_WithTheSameSeed_GivesTheSameSequence()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", probability = 0.5, seed = 7 });
        var first = await StatusesAsync(24);
        await FaultTestClient.ClearAsync(Client);
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", probability = 0.5, seed = 7 });
        var second = await StatusesAsync(24);
        await FaultTestClient.ClearAsync(Client);
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", probability = 0.5, seed = 8 });
        var otherSeed = await StatusesAsync(24);

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(500, first);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task ProbabilityZero_NeverHits()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = ProbeApi.LimitedPath, error = "InternalServerError", probability = 0.0 });

        Assert.All(await StatusesAsync(10), status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task AdminApi_IsNeverFaulted()
    {
        await FaultTestClient.AddRuleAsync(Client, new { path = "/**", error = "InternalServerError" });

        using var health = await Client.GetAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Rules_AreListedWithTheirCounters_AndRemovedOneByOne()
    {
        var id = await FaultTestClient.AddRuleAsync(Client, new { method = "GET", path = ProbeApi.LimitedPath, error = "NotFound", count = 1, seed = 3 });
        await StatusesAsync(2);

        using var list = await Client.GetAsync("/_emulator/faults");
        Assert.Equal(
            $$"""[{"id":"{{id}}","method":"GET","path":"/api/_probe/limited","tenantId":null,"error":"NotFound","probability":1,"count":1,"afterCalls":0,"latencyMs":0,"transport":null,"seed":3,"matchedCalls":2,"injectedCalls":1}]""",
            await list.Content.ReadAsStringAsync());

        using var removed = await Client.DeleteAsync($"/_emulator/faults/{id}");
        using var again = await Client.DeleteAsync($"/_emulator/faults/{id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.NotFound, "ResourceNotFound", $"Fault rule {id} was not found");
    }

    [Theory]
    [InlineData("""{"method":"GE T","error":"NotFound"}""", "Invalid input 'GE T' for method; expected an HTTP method such as POST.")]
    [InlineData("""{"path":"api/x","error":"NotFound"}""", "Invalid input 'api/x' for path; expected a path pattern starting with /.")]
    [InlineData("""{"tenantId":"abc","error":"NotFound"}""", "Invalid input 'abc' for tenantId; expected a tenant id (GUID).")]
    [InlineData("""{"probability":1.5,"error":"NotFound"}""", "Invalid input '1.5' for probability; expected a number from 0 to 1.")]
    [InlineData("""{"count":0,"error":"NotFound"}""", "Invalid input '0' for count; expected a positive integer, or null for no limit.")]
    [InlineData("""{"afterCalls":-1,"error":"NotFound"}""", "Invalid input '-1' for afterCalls; expected zero or a positive integer.")]
    [InlineData("""{"latencyMs":600001}""", "Invalid input '600001' for latencyMs; expected an integer from 0 to 600000.")]
    [InlineData("""{"transport":"drop"}""", "Invalid input 'drop' for transport; expected reset, empty or timeout.")]
    [InlineData("""{"transport":"reset","error":"NotFound"}""", "Invalid input 'reset' for transport; expected null when error is given: a rule injects an error or a transport fault, not both.")]
    public async Task InvalidRule_Returns400_InvalidInput_NamingTheField(string body, string message)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/_emulator/faults", content);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    [Fact]
    public async Task RuleWithoutAnyFault_Returns400_MissingRequiredParameter()
    {
        using var content = new StringContent("""{"path":"/api/x"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/_emulator/faults", content);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter error is missing.");
    }

    [Fact]
    public async Task RuleWithUnknownErrorCode_Returns400_InvalidInput_NamingIt()
    {
        using var content = new StringContent("""{"error":"Teapot"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/_emulator/faults", content);

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.StartsWith("Invalid input 'Teapot' for error; expected a documented error code:", error.Message);
    }

    private async Task<int[]> StatusesAsync(int calls)
    {
        var statuses = new int[calls];
        for (var i = 0; i < calls; i++)
        {
            using var response = await Client.GetAsync(ProbeApi.LimitedPath);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }
}
