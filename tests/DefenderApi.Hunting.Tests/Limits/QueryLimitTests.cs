using DefenderApi.Errors;

namespace DefenderApi.Hunting.Tests.Limits;

[Collection(HuntingDataCollection.Name)]
public sealed class QueryLimitTests(HuntingDataFixture data)
{
    [Fact]
    public void RowMaximum_CutsResultsAtTheLimit()
    {
        var result = data.Run("DeviceProcessEvents | project ReportId", HuntingLimits.Documented with { MaxRows = 10 });
        Assert.Equal(10, result.Results.Count);
    }

    [Fact]
    public void DocumentedRowMaximum_Is100000() => Assert.Equal(100_000, HuntingLimits.Documented.MaxRows);

    [Fact]
    public void ResultOverSizeLimit_Returns400WithDocumentedMessage()
    {
        var e = Assert.Throws<DefenderErrorException>(() => data.Run("DeviceProcessEvents", HuntingLimits.Documented with { MaxResultBytes = 10_000 }));
        Assert.Equal(DefenderErrorCode.BadRequest, e.Code);
        Assert.Equal("Query execution has exceeded the allowed result size. Optimize your query by limiting the number of results and try again", e.Error.Message);
    }

    [Fact]
    public void QueryRunningPastExecutionLimit_IsStoppedWith400()
    {
        var clock = new SteppingTimeProvider(HuntingDataFixture.Now, TimeSpan.FromSeconds(50));
        var compiled = new KqlCompiler(clock).Compile("DeviceProcessEvents | join kind=inner DeviceNetworkEvents on DeviceId | count");
        var e = Assert.Throws<DefenderErrorException>(() => new HuntingQueryExecutor(clock).Execute(data.Connection, compiled, HuntingDataFixture.TenantA, TestContext.Current.CancellationToken));
        Assert.Equal(DefenderErrorCode.BadRequest, e.Code);
        Assert.Contains("allowed execution time of 200 seconds", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionStillUsable_AfterInterruptedQuery()
    {
        var clock = new SteppingTimeProvider(HuntingDataFixture.Now, TimeSpan.FromSeconds(500));
        var compiled = new KqlCompiler(clock).Compile("DeviceProcessEvents | count");
        Assert.Throws<DefenderErrorException>(() => new HuntingQueryExecutor(clock).Execute(data.Connection, compiled, HuntingDataFixture.TenantA, TestContext.Current.CancellationToken));
        Assert.Single(data.Run("DeviceInfo | count").Results);
    }

    [Fact]
    public void Lookback_IsConfigurable()
    {
        var result = data.Run("DeviceProcessEvents | where Timestamp < ago(1d) | count", HuntingLimits.Documented with { Lookback = TimeSpan.FromDays(1) });
        Assert.Equal(0, result.Results[0]["Count"]!.GetValue<long>());
    }
}
