using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tests.Validation;

public sealed class IpAddressValidatorTests
{
    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.0.10")]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329")]
    [InlineData("2001:db8::ff00:42:8329")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:192.0.2.128")]
    [InlineData("FE80::1")]
    public void StrictAddress_IsValid(string value) => Assert.True(IpAddressValidator.IsValid(value));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4/24")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("0177.0.0.1")]
    [InlineData("2130706433")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1..3.4")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.-4")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/32")]
    [InlineData("[::1]")]
    [InlineData("2001:db8:::1")]
    [InlineData("::ffff:1.2.3")]
    [InlineData("::ffff:01.2.3.4")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("contoso.com")]
    [InlineData("")]
    public void LenientOrMalformedForm_IsInvalid(string value) => Assert.False(IpAddressValidator.IsValid(value));

    [Fact]
    public void Require_OnBadValue_ThrowsInvalidIpAddress_NamingTheValue()
    {
        var exception = Assert.Throws<DefenderErrorException>(() => IpAddressValidator.Require("1.2.3"));

        Assert.Equal(DefenderErrorCode.InvalidIpAddress, exception.Error.Code);
        Assert.Contains("1.2.3", exception.Error.Message, StringComparison.Ordinal);
    }
}
