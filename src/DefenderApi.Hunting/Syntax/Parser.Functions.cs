using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

/// <summary>User-defined functions (<c>let f = (a:long) { ... }</c>), <c>datatable</c> and the type names they use.</summary>
internal sealed partial class Parser
{
    private static readonly Dictionary<string, KqlType> TypeNames = new(StringComparer.Ordinal)
    {
        ["string"] = KqlType.String, ["long"] = KqlType.Long, ["int"] = KqlType.Int, ["real"] = KqlType.Real,
        ["double"] = KqlType.Real, ["decimal"] = KqlType.Real, ["bool"] = KqlType.Bool, ["boolean"] = KqlType.Bool,
        ["datetime"] = KqlType.DateTime, ["date"] = KqlType.DateTime, ["timespan"] = KqlType.TimeSpan, ["time"] = KqlType.TimeSpan,
        ["dynamic"] = KqlType.Dynamic, ["guid"] = KqlType.String,
    };

    private KqlType ParseTypeName()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && TypeNames.TryGetValue(token.Text, out var type))
        {
            Advance();
            return type;
        }

        // datetime is lexed as a literal when '(' follows; a bare 'datetime' type name arrives as a DateTime token only then.
        throw KqlErrors.Expected(token, "a type name (string, long, int, real, bool, datetime, timespan or dynamic)");
    }

    private LetFunction ParseFunction(string name, SourcePosition at)
    {
        Expect("(");
        var parameters = new List<FunctionParameter>();
        if (!Current.Is(")"))
        {
            do
            {
                var parameter = ExpectIdentifier("a parameter name");
                Expect(":", "':' and the parameter's type");
                KqlType? type = null;
                if (Current.Is("("))
                {
                    SkipBalanced();
                }
                else
                {
                    type = ParseTypeName();
                }

                var defaultValue = TryConsume("=") ? ParseExpression() : null;
                parameters.Add(new FunctionParameter(parameter, type, defaultValue));
            }
            while (TryConsume(","));
        }

        Expect(")", "')' or ','");
        Expect("{", "'{' to start the function body");
        var savedLets = new HashSet<string>(_tabularLets, StringComparer.Ordinal);
        var savedFunctions = new HashSet<string>(_tabularFunctions, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (parameter.Type is null)
            {
                _tabularLets.Add(parameter.Name);
            }
            else
            {
                _tabularLets.Remove(parameter.Name);
            }
        }

        var lets = new List<Statement>();
        while (Current.Is("let"))
        {
            lets.Add(ParseLet());
            Expect(";", "';' after the 'let' statement");
        }

        Expr? scalar = null;
        Pipeline? tabular = null;
        if (StartsTabular())
        {
            tabular = ParsePipeline();
        }
        else
        {
            scalar = ParseExpression();
        }

        TryConsume(";");
        Expect("}", "'}' to close the function body");
        _tabularLets.Clear();
        _tabularLets.UnionWith(savedLets);
        _tabularFunctions.Clear();
        _tabularFunctions.UnionWith(savedFunctions);
        _tabularLets.Remove(name);
        if (tabular is not null)
        {
            _tabularFunctions.Add(name);
        }
        else
        {
            _tabularFunctions.Remove(name);
        }

        return new LetFunction(name, parameters, lets, scalar, tabular, at);
    }

    /// <summary>Skips a parenthesized group (a tabular parameter's schema such as <c>(*)</c> or <c>(a:string)</c>).</summary>
    private void SkipBalanced()
    {
        var depth = 0;
        do
        {
            if (Current.Kind == TokenKind.End)
            {
                throw KqlErrors.Expected(Current, "')'");
            }

            depth += Current.Is("(") ? 1 : Current.Is(")") ? -1 : 0;
            Advance();
        }
        while (depth > 0);
    }

    private List<Expr> ParseCallArguments()
    {
        Expect("(");
        var arguments = new List<Expr>();
        if (!Current.Is(")"))
        {
            do
            {
                arguments.Add(StartsTabular() ? new TabularArgumentExpr(ParsePipeline(), Current.Position) : ParseExpression());
            }
            while (TryConsume(","));
        }

        Expect(")", "')' or ','");
        return arguments;
    }

    private DatatableSource ParseDatatable(SourcePosition at)
    {
        Expect("(");
        var columns = new List<(string, KqlType)>();
        do
        {
            var name = ExpectIdentifier("a column name");
            Expect(":", "':' and the column's type");
            columns.Add((name, ParseColumnType()));
        }
        while (TryConsume(","));

        Expect(")", "')' or ','");
        Expect("[", "'[' and the datatable's values");
        var values = new List<Expr>();
        if (!Current.Is("]"))
        {
            do
            {
                if (Current.Is("]"))
                {
                    break;
                }

                values.Add(ParseExpression());
            }
            while (TryConsume(","));
        }

        Expect("]", "']' or ','");
        return new DatatableSource(columns, values, at);
    }

    /// <summary>A column type; <c>datetime</c> needs care because the lexer reads <c>datetime(</c> as a literal.</summary>
    private KqlType ParseColumnType() =>
        Current.Kind == TokenKind.DateTime ? throw KqlErrors.Expected(Current, "a type name") : ParseTypeName();
}
