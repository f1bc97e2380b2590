using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Indicators.IndicatorTestData;

namespace DefenderApi.Emulator.Tests.Indicators;

public sealed class SubmitIndicatorTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public SubmitIndicatorTests(EmulatorFactory factory) => _factory = factory;

    private async Task<HttpResponseMessage> SubmitAsync(string body)
    {
        using var client = await _factory.CreateApiClientAsync();
        return await client.PostAsync("/api/indicators", Json(body));
    }

    [Fact]
    public async Task Submit_ValidSha1_Returns200_WithTheIndicator()
    {
        var sha1 = UniqueSha1().ToUpperInvariant();
        using var response = await SubmitAsync(Body("FileSha1", sha1, "AlertAndBlock", ""","severity":"Informational","rbacGroupNames":["group1"]"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("id").ValueKind);
        Assert.Equal(sha1.ToLowerInvariant(), root.GetProperty("indicatorValue").GetString());
        Assert.Equal("FileSha1", root.GetProperty("indicatorType").GetString());
        Assert.Equal("AlertAndBlock", root.GetProperty("action").GetString());
        Assert.Equal("AadApp", root.GetProperty("sourceType").GetString());
        Assert.Equal(DefaultTenant.ClientId, root.GetProperty("createdBy").GetString());
        Assert.Equal("Informational", root.GetProperty("severity").GetString());
        Assert.Equal(["group1"], root.GetProperty("rbacGroupNames").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.TryGetProperty("tenantId", out _));
        Assert.False(root.TryGetProperty("createdByApp", out _));
    }

    [Fact]
    public async Task Submit_SameTypeAndValueTwice_UpdatesTheSameIndicator()
    {
        var sha1 = UniqueSha1();
        using var first = await SubmitAsync(Body("FileSha1", sha1));
        using var second = await SubmitAsync(Body("FileSha1", sha1.ToUpperInvariant(), "Block"));

        using var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("id").GetString(), b.RootElement.GetProperty("id").GetString());
        Assert.Equal("Block", b.RootElement.GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("FileSha1", "220e7d15b011d7fac48f2bd61114db1022197f7e")]
    [InlineData("CertificateThumbprint", "220E7D15B011D7FAC48F2BD61114DB1022197F7E")]
    [InlineData("FileSha256", "2233223322332233223322332233223322332233223322332233223322332222")]
    [InlineData("FileMd5", "0123456789abcdef0123456789abcdef")]
    [InlineData("IpAddress", "10.20.30.40")]
    [InlineData("IpAddress", "2001:db8::1")]
    [InlineData("IpAddress", "::ffff:192.0.2.128")]
    [InlineData("DomainName", "contoso.com")]
    [InlineData("DomainName", "bücher.example")]
    [InlineData("Url", "https://contoso.com/path")]
    public async Task Submit_ValidValueForType_Returns200(string type, string value)
    {
        using var response = await SubmitAsync(Body(type, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("FileSha1", "220e7d15b011d7fac48f2bd61114db1022197f7")]
    [InlineData("FileSha1", "220e7d15b011d7fac48f2bd61114db1022197f7g")]
    [InlineData("FileSha1", "2233223322332233223322332233223322332233223322332233223322332222")]
    [InlineData("CertificateThumbprint", "0123456789abcdef0123456789abcdef")]
    [InlineData("FileSha256", "220e7d15b011d7fac48f2bd61114db1022197f7f")]
    [InlineData("FileSha256", "22332233223322332233223322332233223322332233223322332233223322zz")]
    [InlineData("FileMd5", "0123456789abcdef0123456789abcde")]
    [InlineData("FileMd5", "0123456789abcdef0123456789abcdeg")]
    public async Task Submit_HashOfWrongLengthOrAlphabet_Returns400_InvalidHashValue(string type, string value)
    {
        using var response = await SubmitAsync(Body(type, value));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidHashValue", $"Hash value {value} is invalid.");
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4/24")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/32")]
    public async Task Submit_MalformedIp_Returns400_InvalidIpAddress(string value)
    {
        using var response = await SubmitAsync(Body("IpAddress", value));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidIpAddress", $"IP address {value} is invalid.");
    }

    [Fact]
    public async Task Submit_OverLongDomain_Returns400_InvalidDomainName()
    {
        var value = new string('a', 64) + ".com";
        using var response = await SubmitAsync(Body("DomainName", value));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidDomainName", $"Domain name {value} is invalid.");
    }

    [Theory]
    [InlineData("bad_domain.com")]
    [InlineData("contoso")]
    [InlineData("contoso.com/path")]
    public async Task Submit_MalformedDomain_Returns400_InvalidDomainName(string value)
    {
        using var response = await SubmitAsync(Body("DomainName", value));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidDomainName", $"Domain name {value} is invalid.");
    }

    [Theory]
    [InlineData("contoso.com/path")]
    [InlineData("ftp://contoso.com/file")]
    public async Task Submit_UrlWithoutHttpScheme_Returns400_InvalidUrl(string value)
    {
        using var response = await SubmitAsync(Body("Url", value));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidUrl", $"URL {value} is invalid.");
    }

    [Fact]
    public async Task Submit_EducateUrlWithoutScheme_Returns400_InvalidUrl_AndWithScheme_Returns200()
    {
        using var bad = await SubmitAsync(Body("Url", "https://contoso.com/x", "Block", ""","educateUrl":"help.contoso.com" """));
        using var good = await SubmitAsync(Body("Url", "https://contoso.com/y", "Block", ""","educateUrl":"https://help.contoso.com" """));

        await ErrorAssert.IsErrorAsync(bad, HttpStatusCode.BadRequest, "InvalidUrl", "URL help.contoso.com is invalid.");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("indicatorValue")]
    [InlineData("indicatorType")]
    [InlineData("action")]
    [InlineData("title")]
    [InlineData("description")]
    public async Task Submit_WithoutARequiredField_Returns400_MissingRequiredParameter(string field)
    {
        using var full = JsonDocument.Parse(Body("FileSha1", UniqueSha1()));
        var fields = full.RootElement.EnumerateObject().Where(p => p.Name != field).Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}");
        using var response = await SubmitAsync("{" + string.Join(',', fields) + "}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", $"Parameter {field} is missing.");
    }

    [Theory]
    [InlineData("""{"indicatorValue":"a","indicatorType":"FileSha512","action":"Alert","title":"t","description":"d"}""", "'FileSha512' for indicatorType")]
    [InlineData("""{"indicatorValue":"a","indicatorType":"FileSha1","action":"Quarantine","title":"t","description":"d"}""", "'Quarantine' for action")]
    [InlineData("""{"indicatorValue":"a","indicatorType":"FileSha1","action":"Alert","title":"t","description":"d","severity":"Critical"}""", "'Critical' for severity")]
    public async Task Submit_UnknownEnumValue_Returns400_InvalidInput(string body, string naming)
    {
        using var response = await SubmitAsync(body);

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.StartsWith($"Invalid input {naming}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AuditWithoutGenerateAlert_Returns400_MissingRequiredParameter()
    {
        using var response = await SubmitAsync(Body("FileSha1", UniqueSha1(), "Audit"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter generateAlert is missing.");
    }

    [Fact]
    public async Task Submit_AuditWithGenerateAlertFalse_Returns400_InvalidInput()
    {
        using var response = await SubmitAsync(Body("FileSha1", UniqueSha1(), "Audit", ""","generateAlert":false"""));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input false for generateAlert; it must be true when action is Audit.");
    }

    [Fact]
    public async Task Submit_AuditWithGenerateAlertTrue_Returns200()
    {
        using var response = await SubmitAsync(Body("FileSha1", UniqueSha1(), "Audit", ""","generateAlert":true"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WrongCaseField_Returns400_InvalidRequestBody()
    {
        using var response = await SubmitAsync("""{"IndicatorValue":"a","indicatorType":"FileSha1","action":"Alert","title":"t","description":"d"}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }

    [Fact]
    public async Task Submit_WithoutTiPermission_Returns403_Forbidden()
    {
        using var client = await _factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        using var response = await client.PostAsync("/api/indicators", Json(Body("FileSha1", UniqueSha1())));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }
}
