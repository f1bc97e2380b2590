namespace DefenderApi.Hunting.Syntax;

/// <summary>A 1-based line and column in the query text, for error messages.</summary>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

internal enum TokenKind
{
    Identifier,
    String,
    Long,
    Real,
    TimeSpan,
    DateTime,
    Symbol,
    End,
}

/// <summary>One lexeme. <see cref="Text"/> is the decoded value for strings and the raw text otherwise.</summary>
internal sealed record Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public bool Is(string symbolOrWord) =>
        Kind is TokenKind.Symbol or TokenKind.Identifier && string.Equals(Text, symbolOrWord, StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of query",
        TokenKind.String => "a string literal",
        _ => $"'{Text}'",
    };
}
