using System.Text;
using System.Text.RegularExpressions;
using DefenderApi.Errors.Envelope;

namespace DefenderApi.Errors.Tests.Envelope;

/// <summary>The two response examples at the bottom of the error page (copied verbatim from seed 001, nl-NL).</summary>
public sealed partial class DocumentedExamplesTests
{
    private static readonly string[] Examples = ReadExamples();

    [Fact]
    public void SeedPage_HasTheTwoDocumentedExamples()
    {
        var codes = Examples.Select(e => Parse(e).Error.Code);

        Assert.Equal(["ResourceNotFound", "InvalidRequestBody"], codes);
    }

    [Theory]
    [InlineData(0, "43f4cb08-8fac-4b65-9db1-745c2ae65f3a")]
    [InlineData(1, "1fa66c0f-18bd-4133-b378-36d76f3a2ba0")]
    public void Example_RoundTripsByteForByte_KeepingItsTarget(int index, string target)
    {
        var envelope = Parse(Examples[index]);

        var written = ErrorEnvelopeSerializer.ToUtf8Bytes(envelope);

        Assert.Equal(target, envelope.Error.Target);
        Assert.Equal(Minify(Examples[index]), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void ResourceNotFoundFactory_WritesTheExampleMessage() =>
        Assert.Equal(Parse(Examples[0]).Error.Message, DefenderErrors.ResourceNotFound("Machine", "123123123").Message);

    [Fact]
    public void InvalidRequestBodyFactory_WritesTheExampleMessage() =>
        Assert.Equal(Parse(Examples[1]).Error.Message, DefenderErrors.InvalidRequestBody().Message);

    private static ErrorEnvelope Parse(string json)
    {
        Assert.True(ErrorEnvelopeSerializer.TryParse(json, out var envelope));
        return envelope;
    }

    private static string[] ReadExamples()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Envelope", "SeedExamples", "common-errors.nl-NL.examples.md"));
        return [.. JsonBlock().Matches(page).Select(m => m.Groups["json"].Value)];
    }

    /// <summary>Drops the whitespace outside strings, and nothing else, so the comparison stays byte for byte.</summary>
    private static string Minify(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
                inString = c == '"';
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"```json\r?\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
