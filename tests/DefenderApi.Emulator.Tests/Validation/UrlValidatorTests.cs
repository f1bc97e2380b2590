using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tests.Validation;

public sealed class UrlValidatorTests
{
    [Theory]
    [InlineData("http://contoso.com")]
    [InlineData("https://contoso.com/path/page.html?q=1#frag")]
    [InlineData("https://sub.contoso.com:8443/x")]
    [InlineData("http://1.2.3.4/payload")]
    [InlineData("http://[2001:db8::1]/")]
    [InlineData("https://bücher.example/")]
    public void AbsoluteHttpUrl_IsValid(string value) => Assert.True(UrlValidator.IsValid(value));

    [Theory]
    [InlineData("contoso.com/path")]
    [InlineData("www.contoso.com")]
    [InlineData("//contoso.com/path")]
    [InlineData("ftp://contoso.com/file")]
    [InlineData("file:///c:/windows")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://")]
    [InlineData("http://bad_host.com/")]
    [InlineData("http://user:pass@contoso.com/")]
    [InlineData("http://contoso.com/a b")]
    [InlineData("http://01.2.3.4/")]
    [InlineData("http://1.2.3/")]
    [InlineData("https:contoso.com")]
    [InlineData("")]
    public void UrlWithoutHttpSchemeOrWithBadHost_IsInvalid(string value) => Assert.False(UrlValidator.IsValid(value));

    [Fact]
    public void Require_OnBadValue_ThrowsInvalidUrl_NamingTheValue()
    {
        var exception = Assert.Throws<DefenderErrorException>(() => UrlValidator.Require("contoso.com/path"));

        Assert.Equal(DefenderErrorCode.InvalidUrl, exception.Error.Code);
        Assert.Contains("contoso.com/path", exception.Error.Message, StringComparison.Ordinal);
    }
}
