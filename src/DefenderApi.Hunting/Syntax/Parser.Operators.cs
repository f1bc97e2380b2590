namespace DefenderApi.Hunting.Syntax;

/// <summary>The tabular operators after a pipe, and the lists they take.</summary>
internal sealed partial class Parser
{
    private QueryOperator ParseOperator()
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier)
        {
            throw KqlErrors.Expected(token, "a query operator");
        }

        Advance();
        var at = token.Position;
        switch (token.Text)
        {
            case "where" or "filter":
                return new WhereOperator(ParseExpression(), at);
            case "project":
                return new ProjectOperator(ParseNamedList(), at);
            case "extend":
                return new ExtendOperator(ParseNamedList(), at);
            case "project-away":
                return new ProjectAwayOperator(ParseNameList(allowWildcards: true), at);
            case "project-rename":
                return new ProjectRenameOperator(ParseRenames(), at);
            case "summarize":
                return ParseSummarize(at);
            case "sort" or "order":
                Expect("by", "'by'");
                return new SortOperator(ParseSortKeys(), at);
            case "top":
                var count = ParseExpression();
                Expect("by", "'by'");
                return new TopOperator(count, ParseSortKeys(), at);
            case "take" or "limit":
                return new TakeOperator(ParseExpression(), at);
            case "distinct":
                return new DistinctOperator(TryConsume("*") ? null : ParseNameList(allowWildcards: false), at);
            case "count":
                return new CountOperator(at);
            case "join":
                return ParseJoin(at);
            case "union":
                var (withSource, sources) = ParseUnionArguments();
                return new UnionOperator(sources, withSource, at);
            case "search":
                return new SearchOperator(ParseExpression(), at);
            case "mv-expand" or "mvexpand":
                return ParseMvExpand(at);
            case "parse" or "parse-where":
                return ParseParse(at, dropUnmatched: token.Text == "parse-where");
            case "project-keep" or "project-reorder":
                return new ProjectKeepOperator(ParseNameList(allowWildcards: true), token.Text == "project-reorder", at);
            case "serialize":
                return new SerializeOperator(Current.Kind == TokenKind.Identifier ? ParseNamedList() : [], at);
            case "render":
                SkipToNextOperator();
                return new PassThroughOperator("render", null, at);
            case "as":
                while (Current.Is("hint") && PeekToken().Is("."))
                {
                    _index += 2;
                    ExpectIdentifier("a hint name");
                    Expect("=");
                    Advance();
                }

                var alias = ExpectIdentifier("a name after 'as'");
                _tabularLets.Add(alias);
                return new PassThroughOperator("as", alias, at);
            case "lookup":
                return ParseLookup(at);
            case "invoke":
                var function = ExpectIdentifier("a function name after 'invoke'");
                return new InvokeOperator(function, ParseCallArguments(), at);
            case "top-nested":
                return ParseTopNested(at);
            case "find":
                throw KqlErrors.Syntax(at, "'find' starts a query of its own and cannot follow '|'");
            default:
                if (UnsupportedOperators.Contains(token.Text))
                {
                    throw KqlErrors.Unsupported(at, $"the '{token.Text}' operator");
                }

                throw KqlErrors.Syntax(at, $"unknown query operator '{token.Text}'");
        }
    }

    private SummarizeOperator ParseSummarize(SourcePosition at)
    {
        var aggregates = Current.Is("by") ? [] : ParseNamedList();
        var by = TryConsume("by") ? ParseNamedList() : [];
        if (aggregates.Count == 0 && by.Count == 0)
        {
            throw KqlErrors.Expected(Current, "an aggregation or 'by'");
        }

        return new SummarizeOperator(aggregates, by, at);
    }

    private JoinOperator ParseJoin(SourcePosition at)
    {
        var kind = "innerunique";
        while (true)
        {
            if (Current.Is("kind") && PeekToken().Is("="))
            {
                _index += 2;
                kind = ExpectIdentifier("a join kind");
            }
            else if (Current.Is("hint") && PeekToken().Is("."))
            {
                _index += 2;
                ExpectIdentifier("a hint name");
                Expect("=");
                Advance();
            }
            else
            {
                break;
            }
        }

        return ParseJoinRest(kind, at);
    }

    private JoinOperator ParseJoinRest(string kind, SourcePosition at)
    {
        var right = ParseSource();
        Expect("on", "'on'");
        var keys = new List<JoinKey>();
        do
        {
            var key = ParseComparison();
            keys.Add(key switch
            {
                NameExpr name => new JoinKey(name, name),
                BinaryExpr { Operator: "==" } eq => new JoinKey(eq.Left, eq.Right),
                _ => throw KqlErrors.Syntax(key.Position, "expected a column name or '$left.Column == $right.Column' in the join condition"),
            });
        }
        while (TryConsume(",") || TryConsume("and"));

        return new JoinOperator(kind, right, keys, at);
    }

    private List<NamedExpr> ParseNamedList()
    {
        var list = new List<NamedExpr>();
        do
        {
            string? name = null;
            if (Current.Kind == TokenKind.Identifier && PeekToken().Is("="))
            {
                name = ExpectIdentifier("a column name");
                Advance();
            }

            list.Add(new NamedExpr(name, ParseExpression()));
        }
        while (TryConsume(","));

        return list;
    }

    private List<NameExpr> ParseNameList(bool allowWildcards)
    {
        var list = new List<NameExpr>();
        do
        {
            var at = Current.Position;
            var name = ExpectIdentifier("a column name");
            if (allowWildcards && Current.Is("*"))
            {
                Advance();
                name += "*";
            }

            list.Add(new NameExpr(name, at));
        }
        while (TryConsume(","));

        return list;
    }

    private List<(string, NameExpr)> ParseRenames()
    {
        var list = new List<(string, NameExpr)>();
        do
        {
            var newName = ExpectIdentifier("a new column name");
            Expect("=");
            var at = Current.Position;
            list.Add((newName, new NameExpr(ExpectIdentifier("an existing column name"), at)));
        }
        while (TryConsume(","));

        return list;
    }

    private List<SortKey> ParseSortKeys()
    {
        var keys = new List<SortKey>();
        do
        {
            var value = ParseExpression();
            var descending = !TryConsume("asc");
            if (descending)
            {
                TryConsume("desc");
            }

            var nullsFirst = !descending;
            if (TryConsume("nulls"))
            {
                nullsFirst = TryConsume("first") || (Expect("last", "'first' or 'last'") is null);
            }

            keys.Add(new SortKey(value, descending, nullsFirst));
        }
        while (TryConsume(","));

        return keys;
    }
}
