using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Tests.Validation;

public sealed class HashValidatorTests
{
    private const string Sha1 = "220e7d15b011d7fac48f2bd61114db1022197f7f";
    private const string Sha256 = "2233223322332233223322332233223322332233223322332233223322332222";
    private const string Md5 = "0123456789ABCDEF0123456789abcdef";

    [Theory]
    [InlineData(Sha1, HashKind.Sha1)]
    [InlineData(Sha256, HashKind.Sha256)]
    [InlineData(Md5, HashKind.Md5)]
    public void WellFormedHash_IsValid(string value, Enum kind) => Assert.True(HashValidator.IsValid(value, (HashKind)kind));

    [Theory]
    [InlineData("220e7d15b011d7fac48f2bd61114db1022197f7", HashKind.Sha1)]
    [InlineData("220e7d15b011d7fac48f2bd61114db1022197f7f0", HashKind.Sha1)]
    [InlineData("220e7d15b011d7fac48f2bd61114db1022197f7g", HashKind.Sha1)]
    [InlineData(Sha256, HashKind.Sha1)]
    [InlineData(Sha1, HashKind.Sha256)]
    [InlineData("223322332233223322332233223322332233223322332233223322332233222z", HashKind.Sha256)]
    [InlineData(Sha1, HashKind.Md5)]
    [InlineData("0123456789abcdef0123456789abcde ", HashKind.Md5)]
    [InlineData("", HashKind.Md5)]
    public void WrongLengthOrAlphabet_IsInvalid(string value, Enum kind) => Assert.False(HashValidator.IsValid(value, (HashKind)kind));

    [Fact]
    public void KindOf_PicksTheMatchingAllowedKind()
    {
        Assert.Equal(HashKind.Sha256, HashValidator.KindOf(Sha256, HashKind.Sha1, HashKind.Sha256));
        Assert.Null(HashValidator.KindOf(Md5, HashKind.Sha1, HashKind.Sha256));
    }

    [Fact]
    public void Require_OnBadValue_ThrowsInvalidHashValue_NamingTheValue()
    {
        var exception = Assert.Throws<DefenderErrorException>(() => HashValidator.Require("abc", HashKind.Sha1));

        Assert.Equal(DefenderErrorCode.InvalidHashValue, exception.Error.Code);
        Assert.Contains("abc", exception.Error.Message, StringComparison.Ordinal);
    }
}
