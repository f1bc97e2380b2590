using DefenderApi.Errors;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Hunting.Tests.Limits;

public sealed class HuntingCpuQuotaTests
{
    private const string Tenant = HuntingDataFixture.TenantA;

    [Fact]
    public void UnderTheHourlyLimit_Allows()
    {
        var quota = new HuntingCpuQuota(new FakeTimeProvider(HuntingDataFixture.Now));
        quota.Charge(Tenant, TimeSpan.FromMinutes(9));
        Assert.Null(quota.Check(Tenant));
    }

    [Fact]
    public void TenMinutesInAnHour_Refuses429_SayingCpu_WithRetryAfterUntilTheChargeLeavesTheWindow()
    {
        var time = new FakeTimeProvider(HuntingDataFixture.Now);
        var quota = new HuntingCpuQuota(time);
        quota.Charge(Tenant, TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromMinutes(20));

        var refusal = quota.Check(Tenant);

        Assert.NotNull(refusal);
        Assert.Equal(DefenderErrorCode.TooManyRequests, refusal.Error.Code);
        Assert.Equal(429, refusal.Error.Status);
        Assert.Contains("CPU quota", refusal.Error.Message, StringComparison.Ordinal);
        Assert.Contains("per hour", refusal.Error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(40), refusal.RetryAfter);
    }

    [Fact]
    public void AfterRetryAfter_AllowsAgain()
    {
        var time = new FakeTimeProvider(HuntingDataFixture.Now);
        var quota = new HuntingCpuQuota(time);
        quota.Charge(Tenant, TimeSpan.FromMinutes(10));
        time.Advance(quota.Check(Tenant)!.RetryAfter);
        Assert.Null(quota.Check(Tenant));
    }

    [Fact]
    public void ThreeHoursInADay_RefusesForTheDay()
    {
        var time = new FakeTimeProvider(HuntingDataFixture.Now);
        var quota = new HuntingCpuQuota(time);
        for (var hour = 0; hour < 20; hour++)
        {
            quota.Charge(Tenant, TimeSpan.FromMinutes(9));
            time.Advance(TimeSpan.FromHours(1));
        }

        var refusal = quota.Check(Tenant);

        Assert.NotNull(refusal);
        Assert.Contains("3 hour(s) of running time per day", refusal.Error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(4), refusal.RetryAfter);
    }

    [Fact]
    public void Tenants_HaveSeparateLedgers()
    {
        var quota = new HuntingCpuQuota(new FakeTimeProvider(HuntingDataFixture.Now));
        quota.Charge(Tenant, TimeSpan.FromHours(1));
        Assert.NotNull(quota.Check(Tenant));
        Assert.Null(quota.Check(HuntingDataFixture.TenantB));
    }

    [Fact]
    public void Service_ChargesMeasuredTimeTimesMultiplier_ThenRefuses()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        HuntingRowWriter.EnsureTables(connection);
        var clock = new SteppingTimeProvider(HuntingDataFixture.Now, TimeSpan.FromMilliseconds(1));
        var service = new HuntingService(clock, HuntingLimits.Documented with { CpuChargeMultiplier = 1_000_000 });

        var first = service.Run(connection, Tenant, "DeviceInfo | count", TestContext.Current.CancellationToken);
        var second = service.Run(connection, Tenant, "DeviceInfo | count", TestContext.Current.CancellationToken);

        Assert.NotNull(first.Result);
        Assert.Null(first.Refusal);
        Assert.Null(second.Result);
        Assert.Equal(DefenderErrorCode.TooManyRequests, second.Refusal!.Error.Code);
        Assert.True(second.Refusal.RetryAfter > TimeSpan.Zero);
    }
}
