using System.Globalization;
using DefenderApi.Errors.Localization;

namespace DefenderApi.Errors.Tests.Localization;

public sealed class ErrorLocalizerTests
{
    public static TheoryData<string, string> CultureAndCode =>
        [.. from culture in ErrorLocalizer.SupportedCultures
            from definition in ErrorCatalogue.All
            select (culture, definition.Code.Value)];

    [Fact]
    public void SupportedCultures_AreEnglishAndTheFiveSeedLanguages() =>
        Assert.Equal(["en", "da", "nl", "sv", "fr", "zh-Hans"], ErrorLocalizer.SupportedCultures);

    [Theory]
    [MemberData(nameof(CultureAndCode))]
    public void EveryCulture_HasItsOwnTexts_WithTheEnglishPlaceholders(string culture, string code)
    {
        var english = ErrorCatalogue.Get(code);

        Assert.True(ErrorLocalizer.OwnTexts(culture).TryGetValue(code, out var text), $"{culture} has no text for {code}.");
        Assert.False(string.IsNullOrWhiteSpace(text.Description));
        Assert.Equal(
            english.Placeholders.Order(StringComparer.Ordinal),
            MessageTemplateFormatter.PlaceholdersOf(text.MessageTemplate).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SupportedCultureNames))]
    public void EveryCulture_IsKeyedByTheEnglishWireCodes_AndNothingElse(string culture) =>
        Assert.Equal(
            ErrorCatalogue.All.Select(d => d.Code.Value).Order(StringComparer.Ordinal),
            ErrorLocalizer.OwnTexts(culture).Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> SupportedCultureNames => [.. ErrorLocalizer.SupportedCultures];

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("fr-FR", "fr")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hans")]
    [InlineData("sv-SE", "sv")]
    [InlineData("nl-BE", "nl")]
    [InlineData("da-DK", "da")]
    [InlineData("de-DE", "en")]
    [InlineData("", "en")]
    public void Resolve_WalksParentCultures_ThenFallsBackToEnglish(string requested, string resolvedFrom)
    {
        var culture = CultureInfo.GetCultureInfo(requested);

        foreach (var definition in ErrorCatalogue.All)
        {
            Assert.Equal(ErrorLocalizer.OwnTexts(resolvedFrom)[definition.Code.Value], ErrorLocalizer.Resolve(definition.Code, culture));
        }
    }

    [Fact]
    public void Resolve_WithoutCulture_UsesTheCurrentUICulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");

            Assert.Equal(ErrorLocalizer.OwnTexts("sv")["InvalidUrl"].Description, ErrorLocalizer.Describe(DefenderErrorCode.InvalidUrl));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("en-US", "Hash value abc is invalid.")]
    [InlineData("da-DK", "Hash-værdi abc er ugyldig.")]
    [InlineData("nl-NL", "Hashwaarde abc is ongeldig.")]
    [InlineData("sv-SE", "Hash-värde abc är ogiltigt.")]
    [InlineData("fr-FR", "La valeur de hachage abc n’est pas valide.")]
    [InlineData("zh-CN", "哈希值 abc 无效。")]
    public void LocalizedMessage_FillsTheTranslatedTemplate(string culture, string expected) =>
        Assert.Equal(expected, DefenderErrors.InvalidHash("abc").LocalizedMessage(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Describe_UsesTheSeedPageWording()
    {
        Assert.Equal("Ressource {la ressource demandée} in trouvée.", ErrorLocalizer.Describe(DefenderErrorCode.ResourceNotFound, CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("Onbevoegden (ongeldige of verlopen autorisatiekoptekst).", ErrorLocalizer.Describe(DefenderErrorCode.Unauthorized, CultureInfo.GetCultureInfo("nl-NL")));
    }

    [Fact]
    public void OwnTexts_OfAnUnsupportedCulture_IsEmpty() =>
        Assert.Empty(ErrorLocalizer.OwnTexts("de"));
}
