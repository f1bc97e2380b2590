namespace DefenderApi.Errors;

/// <summary>One row of the error catalogue: a code, its HTTP status, and its English texts.</summary>
/// <param name="Code">The wire code.</param>
/// <param name="Status">The HTTP status the code is always sent with.</param>
/// <param name="MessageTemplate">The English message written on the wire, with named placeholders such as <c>{hash}</c>.</param>
/// <param name="Description">The English description from the error page.</param>
/// <param name="Origin">Whether the code is documented, observed or chosen by the emulator.</param>
public sealed record ErrorDefinition(
    DefenderErrorCode Code,
    int Status,
    string MessageTemplate,
    string Description,
    ErrorOrigin Origin)
{
    /// <summary>The placeholder names in <see cref="MessageTemplate"/>, in order of appearance.</summary>
    public IReadOnlyList<string> Placeholders { get; } = MessageTemplateFormatter.PlaceholdersOf(MessageTemplate);
}
