using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

/// <summary>mv-expand, parse, lookup, top-nested and render: the operators with their own small grammars.</summary>
internal sealed partial class Parser
{
    private MvExpandOperator ParseMvExpand(SourcePosition at)
    {
        var bagAsArray = false;
        string? indexColumn = null;
        while (Current.Kind == TokenKind.Identifier && PeekToken().Is("=") && Current.Text is "kind" or "bagexpansion" or "with_itemindex")
        {
            var option = Advance().Text;
            Advance();
            if (option == "with_itemindex")
            {
                indexColumn = ExpectIdentifier("an index column name");
                continue;
            }

            var mode = Current;
            bagAsArray = ExpectIdentifier("'bag' or 'array'") switch
            {
                "bag" => false,
                "array" => true,
                _ => throw KqlErrors.Syntax(mode.Position, $"{option} must be 'bag' or 'array'"),
            };
        }

        var items = new List<MvExpandItem>();
        do
        {
            string? name = null;
            if (Current.Kind == TokenKind.Identifier && PeekToken().Is("="))
            {
                name = ExpectIdentifier("a column name");
                Advance();
            }

            var value = ParseExpression();
            KqlType? to = null;
            if (TryConsume("to"))
            {
                Expect("typeof", "'typeof' after 'to'");
                Expect("(");
                to = ParseColumnType();
                Expect(")");
            }

            items.Add(new MvExpandItem(name, value, to));
        }
        while (TryConsume(","));

        var limit = TryConsume("limit") ? ParseExpression() : null;
        return new MvExpandOperator(items, bagAsArray, indexColumn, limit, at);
    }

    private ParseOperator ParseParse(SourcePosition at, bool dropUnmatched)
    {
        var kind = "simple";
        while (Current.Kind == TokenKind.Identifier && PeekToken().Is("=") && Current.Text is "kind" or "flags")
        {
            var option = Advance();
            Advance();
            var value = ExpectIdentifier($"a value for '{option.Text}'");
            if (option.Text == "flags")
            {
                throw KqlErrors.Unsupported(option.Position, "parse flags=");
            }

            kind = value is "simple" or "regex" or "relaxed"
                ? value
                : throw KqlErrors.Syntax(option.Position, $"parse kind must be simple, regex or relaxed, not '{value}'");
        }

        var source = ParseExpression();
        Expect("with", "'with' and the parse pattern");
        var parts = new List<ParsePart>();
        while (Current.Kind != TokenKind.End && !Current.Is("|") && !Current.Is(")") && !Current.Is(";"))
        {
            var token = Current;
            if (TryConsume(","))
            {
                continue;
            }

            if (TryConsume("*"))
            {
                parts.Add(new ParsePart(null, null, KqlType.String, token.Position));
            }
            else if (token.Kind == TokenKind.String)
            {
                Advance();
                parts.Add(new ParsePart(token.Text, null, KqlType.String, token.Position));
            }
            else
            {
                var column = ExpectIdentifier("a string, '*' or a column name in the parse pattern");
                var type = TryConsume(":") ? ParseColumnType() : KqlType.String;
                parts.Add(new ParsePart(null, column, type, token.Position));
            }
        }

        if (!parts.Any(p => p.Column is not null))
        {
            throw KqlErrors.Syntax(at, "the parse pattern names no column");
        }

        return new ParseOperator(kind, source, parts, dropUnmatched, at);
    }

    private JoinOperator ParseLookup(SourcePosition at)
    {
        var kind = "leftouter";
        if (Current.Is("kind") && PeekToken().Is("="))
        {
            _index += 2;
            var kindToken = Current;
            kind = ExpectIdentifier("'leftouter' or 'inner'");
            if (kind is not ("leftouter" or "inner"))
            {
                throw KqlErrors.Syntax(kindToken.Position, $"lookup kind must be leftouter or inner, not '{kind}'");
            }
        }

        var join = ParseJoinRest(kind, at);
        return join with { IsLookup = true };
    }

    private TopNestedOperator ParseTopNested(SourcePosition at)
    {
        var levels = new List<TopNestedLevel>();
        do
        {
            var count = Current.Is("of") ? new LiteralExpr(KqlType.Long, long.MaxValue, Current.Position) : ParseExpression();
            Expect("of", "'of' in top-nested");
            var key = ParseNamedItem();
            if (Current.Is("with"))
            {
                throw KqlErrors.Unsupported(Current.Position, "top-nested 'with others'");
            }

            Expect("by", "'by' in top-nested");
            var aggregate = ParseNamedItem();
            if (Current.Is("asc"))
            {
                throw KqlErrors.Unsupported(Current.Position, "top-nested ... asc");
            }

            TryConsume("desc");
            levels.Add(new TopNestedLevel(count, key, aggregate, false));
        }
        while (TryConsume(",") && Expect("top-nested", "'top-nested'") is not null);

        return new TopNestedOperator(levels, at);
    }

    private NamedExpr ParseNamedItem()
    {
        string? name = null;
        if (Current.Kind == TokenKind.Identifier && PeekToken().Is("="))
        {
            name = ExpectIdentifier("a column name");
            Advance();
        }

        return new NamedExpr(name, ParseExpression());
    }

    /// <summary>render's chart options do not change the table: they are skipped up to the next operator.</summary>
    private void SkipToNextOperator()
    {
        while (Current.Kind != TokenKind.End && !Current.Is("|") && !Current.Is(";") && !Current.Is(")"))
        {
            if (Current.Is("("))
            {
                SkipBalanced();
            }
            else
            {
                Advance();
            }
        }
    }
}
