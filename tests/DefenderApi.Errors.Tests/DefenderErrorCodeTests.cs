namespace DefenderApi.Errors.Tests;

public sealed class DefenderErrorCodeTests
{
    [Fact]
    public void Codes_WithTheSameWireValue_AreEqual()
    {
        DefenderErrorCode fromWire = new string("ResourceNotFound".ToCharArray());

        Assert.Equal(DefenderErrorCode.ResourceNotFound, fromWire);
        Assert.True(fromWire == DefenderErrorCode.ResourceNotFound);
        Assert.Equal(DefenderErrorCode.ResourceNotFound.GetHashCode(), fromWire.GetHashCode());
    }

    [Theory]
    [InlineData("resourcenotfound")]
    [InlineData("RESOURCENOTFOUND")]
    [InlineData("ResourceNotFound ")]
    public void Codes_DifferingInCaseOrSpacing_AreNotEqual(string wire)
    {
        DefenderErrorCode code = wire;

        Assert.NotEqual(DefenderErrorCode.ResourceNotFound, code);
        Assert.True(code != DefenderErrorCode.ResourceNotFound);
        Assert.False(code.Equals((object)DefenderErrorCode.ResourceNotFound));
    }

    [Fact]
    public void UnknownCode_IsKeptExactlyAsReceived()
    {
        var code = new DefenderErrorCode("SomeFutureCode_v2");

        Assert.Equal("SomeFutureCode_v2", code.Value);
        Assert.Equal("SomeFutureCode_v2", code.ToString());
        Assert.False(ErrorCatalogue.TryGet(code, out _));
        Assert.Throws<KeyNotFoundException>(() => ErrorCatalogue.Get(code));
    }

    [Fact]
    public void DefaultCode_HasAnEmptyValue_AndIsUnknown()
    {
        var code = default(DefenderErrorCode);

        Assert.Equal(string.Empty, code.Value);
        Assert.False(ErrorCatalogue.TryGet(code, out _));
    }

    [Fact]
    public void Constructor_RefusesNull() =>
        Assert.Throws<ArgumentNullException>(() => new DefenderErrorCode(null!));
}
