using System.Text;
using DefenderApi.Errors.Envelope;

namespace DefenderApi.Errors.Tests.Envelope;

public sealed class ErrorEnvelopeSerializerTests
{
    [Fact]
    public void Serialize_WritesCodeMessageTarget_InThatOrderAndCasing()
    {
        var json = Encoding.UTF8.GetString(ErrorEnvelopeSerializer.ToUtf8Bytes(
            new ErrorEnvelope(new ErrorBody("ResourceNotFound", "Machine 123123123 was not found", "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"))));

        Assert.Equal(
            """{"error":{"code":"ResourceNotFound","message":"Machine 123123123 was not found","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}""",
            json);
    }

    [Fact]
    public void TryParse_IgnoresUnknownProperties()
    {
        var ok = ErrorEnvelopeSerializer.TryParse(
            """{"error":{"code":"BadRequest","innerError":{"x":1},"message":"m","target":"t"},"extra":true}""", out var envelope);

        Assert.True(ok);
        Assert.Equal(new ErrorBody("BadRequest", "m", "t"), envelope!.Error);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"message":"no envelope"}""")]
    [InlineData("")]
    public void TryParse_RefusesBodiesThatAreNotEnvelopes(string body) =>
        Assert.False(ErrorEnvelopeSerializer.TryParse(body, out _));

    [Fact]
    public void Serialize_EscapesOnlyWhatJsonRequires()
    {
        var json = Encoding.UTF8.GetString(ErrorEnvelopeSerializer.ToUtf8Bytes(
            new ErrorEnvelope(new ErrorBody("OsPlatformNotSupported", "OS Platform Linux isn't supported for \"this\" 操作.", "t"))));

        Assert.Equal("""{"error":{"code":"OsPlatformNotSupported","message":"OS Platform Linux isn't supported for \"this\" 操作.","target":"t"}}""", json);
    }
}
