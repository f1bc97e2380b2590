using System.Globalization;
using System.Text.Json.Nodes;
using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

/// <summary>The scalar expression half of the parser, by precedence: or, and, comparison, additive, multiplicative, unary, postfix.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> StringOperators = new(StringComparer.Ordinal)
    {
        "contains", "!contains", "contains_cs", "!contains_cs", "has", "!has", "has_cs", "!has_cs",
        "startswith", "!startswith", "startswith_cs", "!startswith_cs", "endswith", "!endswith", "endswith_cs", "!endswith_cs",
        "has_any", "has_all", "hasprefix", "!hasprefix", "hassuffix", "!hassuffix",
    };

    private static readonly HashSet<string> ComparisonSymbols = new(StringComparer.Ordinal) { "==", "!=", "<>", "<", "<=", ">", ">=", "=~", "!~" };

    private Expr ParseExpression() => ParseOr();

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or"))
        {
            var at = Advance().Position;
            left = new BinaryExpr("or", left, ParseAnd(), at);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseComparison();
        while (Current.Is("and"))
        {
            var at = Advance().Position;
            left = new BinaryExpr("and", left, ParseComparison(), at);
        }

        return left;
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        var token = Current;
        var at = token.Position;
        if (token.Kind == TokenKind.Symbol && ComparisonSymbols.Contains(token.Text))
        {
            Advance();
            return new BinaryExpr(token.Text == "<>" ? "!=" : token.Text, left, ParseAdditive(), at);
        }

        if (token.Kind != TokenKind.Identifier)
        {
            return left;
        }

        if (StringOperators.Contains(token.Text))
        {
            Advance();
            if (token.Text is "has_any" or "has_all")
            {
                return new InExpr(left, token.Text, ParseInList(), at);
            }

            return new BinaryExpr(token.Text, left, ParseAdditive(), at);
        }

        switch (token.Text)
        {
            case "matches":
                Advance();
                Expect("regex", "'regex' after 'matches'");
                return new BinaryExpr("matches regex", left, ParseAdditive(), at);
            case "in" or "!in" or "in~" or "!in~":
                Advance();
                return new InExpr(left, token.Text, ParseInList(), at);
            case "between" or "!between":
                Advance();
                Expect("(");
                var low = ParseAdditive();
                Expect("..", "'..'");
                var high = ParseAdditive();
                Expect(")");
                return new BetweenExpr(left, low, high, token.Text[0] == '!', at);
            case "like" or "notlike" or "!like" or "matches_regex" or "contains_any" or "has_any_cs" or "has_all_cs":
                throw KqlErrors.Unsupported(at, $"the '{token.Text}' operator");
            default:
                return left;
        }
    }

    private List<Expr> ParseInList()
    {
        Expect("(");
        var items = new List<Expr>();
        do
        {
            items.Add(StartsTabular() ? new TabularArgumentExpr(ParsePipeline(), Current.Position) : ParseExpression());
        }
        while (TryConsume(","));

        Expect(")");
        return items;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Advance();
            left = new BinaryExpr(op.Text, left, ParseMultiplicative(), op.Position);
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/" or "%")
        {
            var op = Advance();
            left = new BinaryExpr(op.Text, left, ParseUnary(), op.Position);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind == TokenKind.Symbol && Current.Text is "-" or "+")
        {
            var op = Advance();
            var operand = ParseUnary();
            return op.Text == "+" ? operand : new UnaryExpr("-", operand, op.Position);
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            if (Current.Is("."))
            {
                var at = Advance().Position;
                expr = new MemberExpr(expr, ExpectIdentifier("a property name after '.'"), at);
            }
            else if (Current.Is("["))
            {
                var at = Advance().Position;
                var index = ParseExpression();
                Expect("]");
                expr = new IndexExpr(expr, index, at);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        var at = token.Position;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new LiteralExpr(KqlType.String, token.Text, at);
            case TokenKind.Long:
                Advance();
                return new LiteralExpr(KqlType.Long, long.Parse(token.Text, CultureInfo.InvariantCulture), at);
            case TokenKind.Real:
                Advance();
                return new LiteralExpr(KqlType.Real, double.Parse(token.Text, CultureInfo.InvariantCulture), at);
            case TokenKind.TimeSpan:
                Advance();
                return new LiteralExpr(KqlType.TimeSpan, Literals.ParseTimeSpan(token), at);
            case TokenKind.DateTime:
                Advance();
                return new LiteralExpr(KqlType.DateTime, Literals.ParseDateTime(token), at);
            case TokenKind.Symbol when token.Text == "(":
                Advance();
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case TokenKind.Symbol when token.Text == "*":
                Advance();
                return new StarExpr(at);
            case TokenKind.Identifier when token.Text[0] != '!':
                Advance();
                return ParseNameOrCall(token);
            default:
                throw KqlErrors.Expected(token, "an expression");
        }
    }

    private Expr ParseNameOrCall(Token name)
    {
        var at = name.Position;
        if (name.Text is "true" or "false")
        {
            return new LiteralExpr(KqlType.Bool, name.Text == "true", at);
        }

        if (!Current.Is("("))
        {
            return new NameExpr(name.Text, at);
        }

        Advance();
        if (name.Text == "dynamic")
        {
            var value = ParseJsonValue();
            Expect(")");
            return new LiteralExpr(KqlType.Dynamic, value, at);
        }

        var arguments = new List<Expr>();
        if (!Current.Is(")"))
        {
            do
            {
                arguments.Add(name.Text == "toscalar" && StartsTabular()
                    ? new TabularArgumentExpr(ParsePipeline(), Current.Position)
                    : ParseExpression());
            }
            while (TryConsume(","));
        }

        Expect(")", "')' or ','");
        return new CallExpr(name.Text, arguments, at);
    }

    private JsonNode? ParseJsonValue()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.String:
                return JsonValue.Create(token.Text);
            case TokenKind.Long:
                return JsonValue.Create(long.Parse(token.Text, CultureInfo.InvariantCulture));
            case TokenKind.Real:
                return JsonValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture));
            case TokenKind.Identifier when token.Text is "true" or "false":
                return JsonValue.Create(token.Text == "true");
            case TokenKind.Identifier when token.Text == "null":
                return null;
            case TokenKind.Symbol when token.Text == "-" && Current.Kind is TokenKind.Long or TokenKind.Real:
                var number = Advance();
                return JsonValue.Create(-double.Parse(number.Text, CultureInfo.InvariantCulture));
            case TokenKind.Symbol when token.Text == "[":
                var array = new JsonArray();
                if (!TryConsume("]"))
                {
                    do
                    {
                        array.Add(ParseJsonValue());
                    }
                    while (TryConsume(","));

                    Expect("]", "']' or ','");
                }

                return array;
            case TokenKind.Symbol when token.Text == "{":
                var obj = new JsonObject();
                if (!TryConsume("}"))
                {
                    do
                    {
                        var key = Current.Kind == TokenKind.String ? Advance().Text : throw KqlErrors.Expected(Current, "a property name string");
                        Expect(":");
                        obj[key] = ParseJsonValue();
                    }
                    while (TryConsume(","));

                    Expect("}", "'}' or ','");
                }

                return obj;
            default:
                throw KqlErrors.Expected(token, "a dynamic literal value");
        }
    }
}
