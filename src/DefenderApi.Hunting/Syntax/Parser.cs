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
        "mv-apply", "parse-kv", "make-series", "evaluate", "project-smart", "sample", "sample-distinct", "top-hitters",
        "scan", "facet", "fork", "getschema", "reduce", "partition", "range", "externaldata",
        "make-graph", "graph-match", "consume",
    };

    private readonly IReadOnlyList<Token> _tokens;
    private readonly HuntingSchema _schema;
    private readonly HashSet<string> _tabularLets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tabularFunctions = new(StringComparer.Ordinal);
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
            return ParseFunction(name, at);
        }

        _tabularFunctions.Remove(name);
        if (Current.Is("materialize") && PeekToken().Is("("))
        {
            Advance();
            Advance();
            var materialized = ParsePipeline();
            Expect(")", "')' to close materialize(");
            _tabularLets.Add(name);
            return new LetTabular(name, materialized, at);
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
        if (Current.Is("union") || Current.Is("search") || Current.Is("find") || Current.Is("print") || (Current.Is("datatable") && PeekToken().Is("(")))
        {
            return true;
        }

        if (Current.Kind == TokenKind.Identifier && _tabularFunctions.Contains(Current.Text) && PeekToken().Is("("))
        {
            return true;
        }

        var ahead = 0;
        while (PeekToken(ahead).Is("("))
        {
            ahead++;
        }

        var name = PeekToken(ahead);
        if (name.Kind != TokenKind.Identifier || PeekToken(ahead + 1).Is("("))
        {
            return false;
        }

        return _schema.Find(name.Text) is not null || _tabularLets.Contains(name.Text) || name.Is("union") || name.Is("search")
            || (ahead == 0 && PeekToken(1).Is("|"));
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

        if (Current.Is("find") && !PeekToken().Is("|") && !PeekToken().Is("("))
        {
            Advance();
            return ParseFind(at);
        }

        if (Current.Kind == TokenKind.Identifier && UnsupportedOperators.Contains(Current.Text))
        {
            throw KqlErrors.Unsupported(at, $"the '{Current.Text}' operator");
        }

        if (Current.Is("datatable") && PeekToken().Is("("))
        {
            Advance();
            return ParseDatatable(at);
        }

        if (Current.Is("print") && !PeekToken().Is("|"))
        {
            Advance();
            return new PrintSource(ParseNamedList(), at);
        }

        var name = ExpectIdentifier("a table name");
        if (Current.Is("("))
        {
            if (!_tabularFunctions.Contains(name))
            {
                throw KqlErrors.Unsupported(at, $"calling '{name}' as a tabular function");
            }

            return new CallSource(name, ParseCallArguments(), at);
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
}
