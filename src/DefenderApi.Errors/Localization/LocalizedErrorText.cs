namespace DefenderApi.Errors.Localization;

/// <summary>The translated texts of one code in one culture.</summary>
/// <param name="Description">The description from the translated error page.</param>
/// <param name="MessageTemplate">The message template, with the same placeholders as the English one.</param>
public sealed record LocalizedErrorText(string Description, string MessageTemplate);
