using System.Globalization;
using CsCheck;

namespace DefenderApi.Errors.Tests;

public sealed class MessageTemplateFormatterTests
{
    private static readonly Dictionary<string, object?> NoArguments = [];

    [Fact]
    public void Format_FillsNamedPlaceholders()
    {
        var message = MessageTemplateFormatter.Format(
            "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.",
            new Dictionary<string, object?> { ["allowed"] = 500, ["received"] = 501 },
            CultureInfo.InvariantCulture);

        Assert.Equal("Maximum batch size exceeded. Received: 501, allowed: 500.", message);
    }

    [Fact]
    public void Format_WritesDoubledBracesAsLiteralBraces()
    {
        var message = MessageTemplateFormatter.Format(
            "{{literal}} {name} }}", new Dictionary<string, object?> { ["name"] = "x" }, CultureInfo.InvariantCulture);

        Assert.Equal("{literal} x }", message);
    }

    [Fact]
    public void Format_KeepsAPlaceholderWithoutArgument_AsItsName()
    {
        var message = MessageTemplateFormatter.Format("Hash value {hash} is invalid.", NoArguments, CultureInfo.InvariantCulture);

        Assert.Equal("Hash value {hash} is invalid.", message);
    }

    [Fact]
    public void Format_WritesNullArgument_AsEmpty()
    {
        var message = MessageTemplateFormatter.Format(
            "Forbidden ({reason}).", new Dictionary<string, object?> { ["reason"] = null }, CultureInfo.InvariantCulture);

        Assert.Equal("Forbidden ().", message);
    }

    [Fact]
    public void Format_KeepsAnUnclosedBrace()
    {
        var message = MessageTemplateFormatter.Format("broken {name", new Dictionary<string, object?> { ["name"] = "x" }, CultureInfo.InvariantCulture);

        Assert.Equal("broken {name", message);
    }

    [Theory]
    [InlineData("", "1234.5")]
    [InlineData("fr-FR", "1234,5")]
    [InlineData("da-DK", "1234,5")]
    [InlineData("en-US", "1234.5")]
    public void Format_FormatsValuesForTheGivenCulture(string culture, string expected)
    {
        var message = MessageTemplateFormatter.Format(
            "{value}", new Dictionary<string, object?> { ["value"] = 1234.5 }, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, message);
    }

    [Fact]
    public void WireMessage_IsInvariant_WhileLocalizedMessage_FollowsTheCulture()
    {
        var error = DefenderError.With(DefenderErrorCode.BadRequest, "reason", 2.5);

        Assert.Equal("2.5", error.Message);
        Assert.Equal("2,5", error.LocalizedMessage(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Theory]
    [InlineData("Hash value {hash} is invalid.", new[] { "hash" })]
    [InlineData("{entity} {id} was not found", new[] { "entity", "id" })]
    [InlineData("{{not}} a {placeholder}", new[] { "placeholder" })]
    [InlineData("", new string[0])]
    [InlineData("dangling {", new string[0])]
    public void PlaceholdersOf_ListsNamesInOrder_SkippingEscapedBraces(string template, string[] expected) =>
        Assert.Equal(expected, MessageTemplateFormatter.PlaceholdersOf(template));

    [Fact]
    public void TryParse_ReadsBackTheValues_OfEveryCatalogueTemplate()
    {
        var templates = ErrorCatalogue.All.Select(d => d.MessageTemplate).Where(t => t.Length > 0).ToArray();
        var value = Gen.String[Gen.Char.AlphaNumeric, 1, 12];

        Gen.Select(Gen.Int[0, templates.Length - 1].Select(i => templates[i]), value.Array[4]).Sample((template, values) =>
        {
            var names = MessageTemplateFormatter.PlaceholdersOf(template);
            var arguments = names.Select((name, i) => (name, value: values[i])).ToDictionary(p => p.name, p => (object?)p.value);
            var message = MessageTemplateFormatter.Format(template, arguments, CultureInfo.InvariantCulture);

            Assert.True(MessageTemplateFormatter.TryParse(template, message, out var parsed), message);
            Assert.Equal(arguments.ToDictionary(a => a.Key, a => (string)a.Value!), parsed);
        });
    }

    [Fact]
    public void TryParse_OfAMessageThatDoesNotFitTheTemplate_IsFalse()
    {
        Assert.False(MessageTemplateFormatter.TryParse("Hash value {hash} is invalid.", "Something else.", out var values));
        Assert.Empty(values);
    }
}
