using DefenderApi.Errors;

namespace DefenderApi.Hunting.Syntax;

/// <summary>The 400s a query can earn; every compile failure goes through here so the messages stay uniform.</summary>
internal static class KqlErrors
{
    public static DefenderErrorException Syntax(SourcePosition at, string what) =>
        new(DefenderErrors.BadRequest($"Syntax error at {at}: {what}."));

    public static DefenderErrorException Expected(Token found, string expected) =>
        Syntax(found.Position, $"expected {expected} but found {found.Describe()}");

    public static DefenderErrorException Semantic(SourcePosition at, string what) =>
        new(DefenderErrors.BadRequest($"Semantic error at {at}: {what}."));

    public static DefenderErrorException Unsupported(SourcePosition at, string what) =>
        new(DefenderErrors.BadRequest($"Semantic error at {at}: {what} is not supported by this emulator."));
}
