using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

/// <summary>
/// Recursive-descent parser for the KQL subset (statements and tabular operators here, expressions in the other part).
/// It knows the table names so it can tell a tabular <c>let</c> from a scalar one, as Kusto's own parser does.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> UnsupportedOperators = new(StringComparer.Ordinal)
    {
        "mv-expand", "mv-apply", "parse", "parse-where", "parse-kv", "make-series", "evaluate", "render", "lookup", "as",
        "invoke", "project-keep", "project-reorder", "project-smart", "sample", "sample-distinct", "top-nested", "top-hitters",
        "serialize", "scan", "facet", "fork", "getschema", "reduce", "partition", "find", "range", "print", "externaldata",
        "datatable", "make-graph", "graph-match", "consume",
    };

    private readonly IReadOnlyList<Token> _tokens;
    private readonly HuntingSchema _schema;
    private readonly HashSet<string> _tabularLets = new(StringComparer.Ordinal);
    private int _index;

    private Parser(IReadOnlyList<Token> tokens, HuntingSchema schema)
    {
        _tokens = tokens;
        _schema = schema;
    }

    public static IReadOnlyList<Statement> Parse(string text, HuntingSchema schema) =>
        new Parser(Lexer.Tokenize(text), schema).ParseStatements();

    private Token Current => _tokens[_index];

    private Token PeekToken(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_index++ < _tokens.Count - 1 ? _index - 1 : _tokens.Count - 1];

    private bool TryConsume(string text)
    {
        if (!Current.Is(text))
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token Expect(string text, string? description = null) =>
        Current.Is(text) ? Advance() : throw KqlErrors.Expected(Current, description ?? $"'{text}'");

    private string ExpectIdentifier(string what)
    {
        if (Current.Kind != TokenKind.Identifier || Current.Text[0] is '!' or '$')
        {
            throw KqlErrors.Expected(Current, what);
        }

        return Advance().Text;
    }

    private List<Statement> ParseStatements()
    {
        var statements = new List<Statement>();
        while (Current.Kind != TokenKind.End)
        {
            if (statements.Count > 0 && statements[^1] is QueryStatement)
            {
                throw KqlErrors.Unsupported(Current.Position, "a query with more than one tabular statement");
            }

            statements.Add(Current.Is("let") ? ParseLet() : new QueryStatement(ParsePipeline(), Current.Position));
            if (!TryConsume(";") && Current.Kind != TokenKind.End)
            {
                throw KqlErrors.Expected(Current, "';', '|' or end of query");
            }
        }

        if (statements.Count == 0 || statements[^1] is not QueryStatement)
        {
            throw KqlErrors.Syntax(Current.Position, "the query must end with a tabular expression");
        }

        return statements;
    }

    private Statement ParseLet()
    {
        var at = Advance().Position;
        var name = ExpectIdentifier("a name after 'let'");
        Expect("=");
        if (Current.Is("(") && (PeekToken().Is(")") || PeekToken(2).Is(":")))
        {
            throw KqlErrors.Unsupported(Current.Position, "a user-defined function ('let' with parameters)");
        }

        if (StartsTabular())
        {
            var value = ParsePipeline();
            _tabularLets.Add(name);
            return new LetTabular(name, value, at);
        }

        _tabularLets.Remove(name);
        return new LetScalar(name, ParseExpression(), at);
    }

    /// <summary>Whether the next tokens start a tabular expression (a table, a tabular let, union, search or a piped name).</summary>
    private bool StartsTabular()
    {
        if (Current.Is("union") || Current.Is("search"))
        {
            return true;
        }

        if (Current.Kind != TokenKind.Identifier || PeekToken().Is("("))
        {
            return false;
        }

        return _schema.Find(Current.Text) is not null || _tabularLets.Contains(Current.Text) || PeekToken().Is("|");
    }

    private Pipeline ParsePipeline()
    {
        var source = ParseSource();
        var operators = new List<QueryOperator>();
        while (TryConsume("|"))
        {
            operators.Add(ParseOperator());
        }

        return new Pipeline(source, operators);
    }

    private TabularSource ParseSource()
    {
        var at = Current.Position;
        if (TryConsume("("))
        {
            var nested = ParsePipeline();
            Expect(")");
            return new NestedSource(nested, at);
        }

        if (Current.Is("union"))
        {
            Advance();
            var (withSource, sources) = ParseUnionArguments();
            return new UnionSource(sources, withSource, at);
        }

        if (Current.Is("search"))
        {
            Advance();
            IReadOnlyList<TabularSource>? tables = null;
            if (TryConsume("in"))
            {
                Expect("(");
                tables = ParseSourceList();
                Expect(")");
            }

            return new SearchSource(tables, ParseExpression(), at);
        }

        if (Current.Kind == TokenKind.Identifier && UnsupportedOperators.Contains(Current.Text))
        {
            throw KqlErrors.Unsupported(at, $"the '{Current.Text}' operator");
        }

        var name = ExpectIdentifier("a table name");
        if (Current.Is("("))
        {
            throw KqlErrors.Unsupported(at, $"calling '{name}' as a tabular function");
        }

        return new NamedSource(name, at);
    }

    private List<TabularSource> ParseSourceList()
    {
        var sources = new List<TabularSource> { ParseSource() };
        while (TryConsume(","))
        {
            sources.Add(ParseSource());
        }

        return sources;
    }

    private (string? WithSource, List<TabularSource> Sources) ParseUnionArguments()
    {
        string? withSource = null;
        while (Current.Kind == TokenKind.Identifier && PeekToken().Is("="))
        {
            var option = Advance();
            Advance();
            switch (option.Text)
            {
                case "withsource":
                    withSource = ExpectIdentifier("a column name after 'withsource='");
                    break;
                case "kind":
                    var kind = ExpectIdentifier("'inner' or 'outer'");
                    if (kind != "outer")
                    {
                        throw KqlErrors.Unsupported(option.Position, $"union kind={kind}");
                    }

                    break;
                case "isfuzzy":
                    ExpectIdentifier("'true' or 'false'");
                    break;
                default:
                    throw KqlErrors.Syntax(option.Position, $"unknown union parameter '{option.Text}'");
            }
        }

        return (withSource, ParseSourceList());
    }

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
