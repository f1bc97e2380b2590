namespace DefenderApi.Errors.Localization;

/// <summary>Placeholder: filled from the seed pages.</summary>
internal static class ChineseSimplifiedErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal);
}
