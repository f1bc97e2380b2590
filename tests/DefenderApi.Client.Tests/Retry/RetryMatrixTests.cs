using System.Net;
using DefenderApi.Client.Models;
using DefenderApi.Client.Tests.Infrastructure;
using DefenderApi.Errors;

namespace DefenderApi.Client.Tests.Retry;

public sealed class RetryMatrixTests
{
    private const string MachineJson = """{"id":"m1","computerDnsName":"ws1.contoso.com","healthStatus":"Active","rbacGroupId":140}""";
    private const string ActionJson = """{"id":"a1","type":"Isolate","status":"Pending","machineId":"m1"}""";
    private const string IndicatorJson = """{"id":"995","indicatorValue":"1.2.3.4","indicatorType":"IpAddress"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IndicatorSubmission Indicator => new()
    {
        IndicatorValue = "1.2.3.4",
        IndicatorType = "IpAddress",
        Action = "Block",
        Title = "t",
        Description = "d",
    };

    [Fact]
    public async Task Get_Throttled_WaitsRetryAfterDeltaSeconds_ThenSucceeds()
    {
        var harness = new ClientHarness();
        harness.Transport
            .ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7)))
            .Then(HttpStatusCode.OK, MachineJson);

        var machine = await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal("140", machine.RbacGroupId);
        Assert.Equal(2, harness.Transport.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], harness.Clock.Delays);
    }

    [Fact]
    public async Task Get_Throttled_WaitsUntilRetryAfterHttpDate()
    {
        var harness = new ClientHarness();
        var until = harness.Clock.Now.AddSeconds(12);
        harness.Transport
            .ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(until))
            .Then(HttpStatusCode.OK, MachineJson);

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal([TimeSpan.FromSeconds(12)], harness.Clock.Delays);
    }

    [Fact]
    public async Task Throttled_RetryAfterLongerThanTheCap_IsNotRetried_AndSurfacesTheWait()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });
        harness.Transport
            .ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3600)))
            .Then(HttpStatusCode.OK, MachineJson);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(3600), error.RetryAfter);
        Assert.Empty(harness.Clock.Delays);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task Throttled_RetryAfterWithinTheCap_WaitsExactlyThatLong()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });
        harness.Transport
            .ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(30)))
            .Then(HttpStatusCode.OK, MachineJson);

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal([TimeSpan.FromSeconds(30)], harness.Clock.Delays);
    }

    [Fact]
    public async Task Throttled_WithoutRetryAfter_BacksOffExponentiallyWithJitter()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 3, Delay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) });
        harness.Transport.ThenError("TooManyRequests", 429).ThenError("TooManyRequests", 429).ThenError("TooManyRequests", 429).Then(HttpStatusCode.OK, MachineJson);

        await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal(3, harness.Clock.Delays.Count);
        for (var i = 0; i < 3; i++)
        {
            var nominal = Math.Pow(2, i);
            Assert.InRange(harness.Clock.Delays[i].TotalSeconds, nominal * 0.8, nominal * 1.2);
        }
    }

    [Fact]
    public async Task MachineAction_Throttled_IsRetried_BecauseAThrottledRequestWasNotExecuted()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))).Then(HttpStatusCode.Created, ActionJson);

        var action = await harness.Client.IsolateMachineAsync("m1", "contain", IsolationType.Full, Ct);

        Assert.Equal("a1", action.Id);
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Get_ServerFault_IsRetriedMaxRetriesTimes_ThenSurfaces(int status)
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 2, Delay = TimeSpan.Zero });
        harness.Transport.Fallback = _ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(StubTransport.Envelope("InternalServerError", "", "t-1")) };

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Equal(status, error.Status);
        Assert.Equal(3, harness.Transport.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task MachineAction_ServerFault_IsNeverRetried(int status)
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InternalServerError", status).Then(HttpStatusCode.Created, ActionJson);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.IsolateMachineAsync("m1", "contain", cancellationToken: Ct));

        Assert.Equal(status, error.Status);
        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task MachineAction_TransportFault_IsNeverRetried()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenThrow(new HttpRequestException("connection reset")).Then(HttpStatusCode.Created, ActionJson);

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.RunAntivirusScanAsync("m1", "scan", ScanType.Quick, Ct));

        Assert.Single(harness.Transport.Requests);
    }

    [Fact]
    public async Task Get_TransportFaults_AreRetried()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { Delay = TimeSpan.Zero });
        harness.Transport
            .ThenThrow(new HttpRequestException("connection refused"))
            .ThenThrow(new IOException("stream closed"))
            .ThenThrow(new TaskCanceledException("timeout"))
            .Then(HttpStatusCode.OK, MachineJson);

        var machine = await harness.Client.GetMachineAsync("m1", Ct);

        Assert.Equal("m1", machine.Id);
        Assert.Equal(4, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task IdempotentWrite_SubmitIndicator_ServerFault_IsRetried()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InternalServerError", 500).Then(HttpStatusCode.OK, IndicatorJson);

        var indicator = await harness.Client.SubmitIndicatorAsync(Indicator, Ct);

        Assert.Equal("995", indicator.Id);
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task AdvancedQuery_ServerFault_IsRetried_BecauseAQueryOnlyReads()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InternalServerError", 500).Then(HttpStatusCode.OK, """{"Schema":[{"Name":"DeviceName","Type":"String"}],"Results":[{"DeviceName":"ws1"}]}""");

        var result = await harness.Client.RunAdvancedQueryAsync("DeviceInfo | take 1", Ct);

        Assert.Equal("DeviceName", result.Schema[0].Name);
        Assert.Equal("ws1", result.Results[0]["DeviceName"].GetString());
        Assert.Equal(2, harness.Transport.Requests.Count);
    }

    [Fact]
    public async Task DeleteIndicator_ServerFault_IsNotRetried()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InternalServerError", 500).Then(HttpStatusCode.NoContent);

        await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.DeleteIndicatorAsync("995", Ct));

        Assert.Single(harness.Transport.Requests);
    }

    [Theory]
    [InlineData("OsPlatformNotSupported", 400)]
    [InlineData("ClientVersionNotSupported", 400)]
    [InlineData("DisabledFeature", 403)]
    [InlineData("Forbidden", 403)]
    [InlineData("ResourceNotFound", 404)]
    [InlineData("InvalidInput", 400)]
    public async Task ClientErrors_AreNeverRetried(string code, int status)
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError(code, status).Then(HttpStatusCode.OK, MachineJson);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Equal(new DefenderErrorCode(code), error.ErrorCode);
        Assert.Single(harness.Transport.Requests);
        Assert.Empty(harness.Clock.Delays);
    }

    [Fact]
    public async Task EveryRetryDecision_IsLoggedWithTheTarget()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 1, Delay = TimeSpan.Zero });
        harness.Transport
            .ThenError("TooManyRequests", 429, target: "aaaaaaaa-0000-0000-0000-000000000001")
            .ThenError("TooManyRequests", 429, target: "aaaaaaaa-0000-0000-0000-000000000002");

        await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Contains(harness.Logs.Messages, m => m.Contains("aaaaaaaa-0000-0000-0000-000000000001", StringComparison.Ordinal) && m.Contains("retry 1 of 1", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Messages, m => m.Contains("aaaaaaaa-0000-0000-0000-000000000002", StringComparison.Ordinal) && m.Contains("giving up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotRetriedAnswer_IsLoggedWithTheTarget()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("OsPlatformNotSupported", 400, target: "bbbbbbbb-0000-0000-0000-000000000001");

        await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.IsolateMachineAsync("m1", "c", IsolationType.Selective, Ct));

        Assert.Contains(harness.Logs.Messages, m => m.Contains("bbbbbbbb-0000-0000-0000-000000000001", StringComparison.Ordinal) && m.Contains("not retried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaxRetriesZero_TurnsRetryingOff()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });
        harness.Transport.ThenError("TooManyRequests", 429).Then(HttpStatusCode.OK, MachineJson);

        await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", Ct));

        Assert.Single(harness.Transport.Requests);
    }
}
