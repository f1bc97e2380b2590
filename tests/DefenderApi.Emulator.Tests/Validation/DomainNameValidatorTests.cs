using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tests.Validation;

public sealed class DomainNameValidatorTests
{
    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("WWW.Contoso.COM", "www.contoso.com")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("例え.jp", "xn--r8jz45g.jp")]
    [InlineData("1.2.3.com", "1.2.3.com")]
    public void ValidName_IsAcceptedInPunycodeForm(string value, string ascii) => Assert.Equal(ascii, DomainNameValidator.ToAscii(value));

    [Theory]
    [InlineData("contoso")]
    [InlineData("-contoso.com")]
    [InlineData("contoso-.com")]
    [InlineData("con_toso.com")]
    [InlineData("contoso..com")]
    [InlineData(".contoso.com")]
    [InlineData("contoso.com.")]
    [InlineData("contoso.com/path")]
    [InlineData("contoso.com:443")]
    [InlineData("contoso.com x")]
    [InlineData("1.2.3.4")]
    [InlineData("http://contoso.com")]
    [InlineData("")]
    public void MalformedName_IsInvalid(string value) => Assert.False(DomainNameValidator.IsValid(value));

    [Fact]
    public void LabelOf63_IsValid_AndOf64_IsInvalid()
    {
        Assert.True(DomainNameValidator.IsValid(new string('a', 63) + ".com"));
        Assert.False(DomainNameValidator.IsValid(new string('a', 64) + ".com"));
    }

    [Fact]
    public void NameOf253_IsValid_AndOf254_IsInvalid()
    {
        var label = new string('a', 62);
        var name253 = string.Join('.', label, label, label, label[..60] + ".com");
        Assert.Equal(253, name253.Length);
        Assert.True(DomainNameValidator.IsValid(name253));
        Assert.False(DomainNameValidator.IsValid("a" + name253));
    }

    [Fact]
    public void IdnThatBecomesTooLong_IsInvalid()
    {
        var longUnicodeLabel = new string('ü', 60);
        Assert.False(DomainNameValidator.IsValid(longUnicodeLabel + ".example"));
    }

    [Fact]
    public void Require_OnBadValue_ThrowsInvalidDomainName_NamingTheValue()
    {
        var exception = Assert.Throws<DefenderErrorException>(() => DomainNameValidator.Require("bad_domain"));

        Assert.Equal(DefenderErrorCode.InvalidDomainName, exception.Error.Code);
        Assert.Contains("bad_domain", exception.Error.Message, StringComparison.Ordinal);
    }
}
