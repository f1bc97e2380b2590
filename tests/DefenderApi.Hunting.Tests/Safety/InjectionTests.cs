using DefenderApi.Errors;

namespace DefenderApi.Hunting.Tests.Safety;

[Collection(HuntingDataCollection.Name)]
public sealed class InjectionTests(HuntingDataFixture data)
{
    [Theory]
    [InlineData("x'; DROP TABLE DeviceInfo; --")]
    [InlineData("x\" OR 1=1 --")]
    [InlineData("') UNION SELECT * FROM DeviceInfo --")]
    [InlineData("\\\" OR \\\"1\\\"=\\\"1")]
    public void HostileStringLiterals_AreJustValues(string hostile)
    {
        var literal = "@'" + hostile.Replace("'", "''", StringComparison.Ordinal) + "'";
        var result = data.Run($"DeviceInfo | where DeviceName == {literal} or DeviceName contains {literal} | count");
        Assert.Equal(0, result.Results[0]["Count"]!.GetValue<long>());
        Assert.True(data.Run("DeviceInfo | count").Results[0]["Count"]!.GetValue<long>() > 0);
    }

    [Fact]
    public void Literals_NeverAppearInSqlText()
    {
        var compiled = new KqlCompiler(data.Time).Compile("DeviceInfo | where DeviceName == 'MARKER_7f3a' | extend n = strlen('MARKER_8b2c') | take 3");
        Assert.DoesNotContain("MARKER", compiled.Sql, StringComparison.Ordinal);
        Assert.Contains(compiled.Parameters, p => Equals(p.Value, "MARKER_7f3a"));
    }

    [Theory]
    [InlineData("DeviceInfo | project [\"DeviceName\"]")]
    [InlineData("DeviceInfo | project \"DeviceName\"; DROP TABLE DeviceInfo")]
    [InlineData("DeviceInfo; DROP TABLE DeviceInfo")]
    [InlineData("DeviceInfo | extend `x` = 1")]
    [InlineData("DeviceInfo\" WHERE 1=1 --")]
    [InlineData("DeviceInfo | where TenantId != ''")]
    [InlineData("DeviceInfo | project-rename \"a\" = DeviceName")]
    [InlineData("sqlite_master | count")]
    public void HostileIdentifiers_AreRefusedWith400(string query)
    {
        var e = Assert.Throws<DefenderErrorException>(() => data.Run(query));
        Assert.Equal(DefenderErrorCode.BadRequest, e.Code);
        Assert.True(data.Run("DeviceInfo | count").Results[0]["Count"]!.GetValue<long>() > 0);
    }

    [Fact]
    public void OtherTenantRows_AreNeverVisible()
    {
        var a = data.Run("DeviceProcessEvents | count", tenant: HuntingDataFixture.TenantA).Results[0]["Count"]!.GetValue<long>();
        var b = data.Run("DeviceProcessEvents | count", tenant: HuntingDataFixture.TenantB).Results[0]["Count"]!.GetValue<long>();
        var names = data.Run("DeviceInfo | distinct DeviceName", tenant: HuntingDataFixture.TenantB).Results.Select(r => r["DeviceName"]!.GetValue<string>());
        Assert.Equal(data.Visible("DeviceProcessEvents").Count, a);
        Assert.NotEqual(a, b);
        Assert.Equal(["tenantb-only.contoso.com"], names);
    }
}
