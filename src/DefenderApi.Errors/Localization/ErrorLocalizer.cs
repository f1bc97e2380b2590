using System.Collections.Frozen;
using System.Globalization;

namespace DefenderApi.Errors.Localization;

/// <summary>
/// Resolves descriptions and message templates for a culture through the fallback chain
/// specific culture → parent cultures → English (e.g. fr-CA → fr, zh-CN → zh-Hans, de-DE → English).
/// Wire codes are never translated.
/// </summary>
public static class ErrorLocalizer
{
    private static readonly FrozenDictionary<string, IReadOnlyDictionary<string, LocalizedErrorText>> Cultures =
        new Dictionary<string, IReadOnlyDictionary<string, LocalizedErrorText>>(StringComparer.OrdinalIgnoreCase)
        {
            ["da"] = DanishErrorTexts.Texts,
            ["nl"] = DutchErrorTexts.Texts,
            ["sv"] = SwedishErrorTexts.Texts,
            ["fr"] = FrenchErrorTexts.Texts,
            ["zh-Hans"] = ChineseSimplifiedErrorTexts.Texts,

            // A bare "zh" names no script; the only Chinese page we have is the zh-CN one, so it answers for all Chinese.
            ["zh"] = ChineseSimplifiedErrorTexts.Texts,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cultures that have their own texts, English first.</summary>
    public static IReadOnlyList<string> SupportedCultures { get; } = ["en", "da", "nl", "sv", "fr", "zh-Hans"];

    /// <summary>The texts of a code in a culture, resolved through the fallback chain.</summary>
    /// <param name="code">A known wire code.</param>
    /// <param name="culture">The culture; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The texts; English when no culture in the chain has them.</returns>
    public static LocalizedErrorText Resolve(DefenderErrorCode code, CultureInfo? culture = null)
    {
        for (var c = culture ?? CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Cultures.TryGetValue(c.Name, out var texts) && texts.TryGetValue(code.Value, out var text))
            {
                return text;
            }
        }

        var english = ErrorCatalogue.Get(code);
        return new LocalizedErrorText(english.Description, english.MessageTemplate);
    }

    /// <summary>The texts a culture defines itself, without fallback (used to check completeness).</summary>
    /// <param name="cultureName">One of <see cref="SupportedCultures"/>.</param>
    /// <returns>Texts by wire code.</returns>
    public static IReadOnlyDictionary<string, LocalizedErrorText> OwnTexts(string cultureName)
    {
        if (string.Equals(cultureName, "en", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCatalogue.All.ToDictionary(
                d => d.Code.Value, d => new LocalizedErrorText(d.Description, d.MessageTemplate), StringComparer.Ordinal);
        }

        return Cultures.TryGetValue(cultureName, out var texts) ? texts : FrozenDictionary<string, LocalizedErrorText>.Empty;
    }

    /// <summary>The localized description of a code.</summary>
    /// <param name="code">A known wire code.</param>
    /// <param name="culture">The culture; <see langword="null"/> means the current UI culture.</param>
    /// <returns>The description.</returns>
    public static string Describe(DefenderErrorCode code, CultureInfo? culture = null) => Resolve(code, culture).Description;
}
