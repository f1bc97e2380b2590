using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>Scalar expressions: names, literals, dynamic access and operators.</summary>
internal sealed partial class QueryBinder
{
    private TypedSql BindScalar(Expr expr, Relation? scope) => expr switch
    {
        LiteralExpr literal => Literal(literal),
        NameExpr name => ResolveName(name, scope),
        MemberExpr member => DynamicAccess(member.Target, "$." + member.Member, scope, member.Position),
        IndexExpr index => BindIndex(index, scope),
        CallExpr call => BindCall(call, scope),
        UnaryExpr unary => Negate(unary, scope),
        BinaryExpr binary => BindBinary(binary, scope),
        InExpr inExpr => BindIn(inExpr, scope),
        BetweenExpr between => BindBetween(between, scope),
        StarExpr star => throw KqlErrors.Semantic(star.Position, "'*' is only valid inside arg_max(), arg_min() or after 'distinct'"),
        TabularArgumentExpr tabular => throw KqlErrors.Semantic(tabular.Position, "a tabular expression cannot be used as a scalar; wrap it in toscalar()"),
        _ => throw new InvalidOperationException("Unknown expression kind."),
    };

    private TypedSql Literal(LiteralExpr literal) => literal.Type switch
    {
        KqlType.DateTime => new(Parameter(literal.Value is DateTime dt ? dt.Ticks : null), KqlType.DateTime),
        KqlType.Bool => new(Parameter((bool)literal.Value! ? 1L : 0L), KqlType.Bool),
        KqlType.Dynamic => new(Parameter(((JsonNode?)literal.Value)?.ToJsonString() ?? "null"), KqlType.Dynamic),
        _ => new(Parameter(literal.Value), literal.Type),
    };

    private TypedSql ResolveName(NameExpr name, Relation? scope)
    {
        if (TryResolveParameter(name.Name, out var parameter))
        {
            return parameter;
        }

        if (scope?.Find(name.Name) is { } column)
        {
            return new TypedSql(Q(column.Name), column.Type);
        }

        if (_scalarLets.TryGetValue(name.Name, out var let))
        {
            return let;
        }

        if (_tabularLets.ContainsKey(name.Name) || _schema.Find(name.Name) is not null)
        {
            throw KqlErrors.Semantic(name.Position, $"'{name.Name}' is tabular and cannot be used as a scalar value");
        }

        throw KqlErrors.Semantic(name.Position, $"failed to resolve scalar expression named '{name.Name}'");
    }

    private TypedSql BindIndex(IndexExpr index, Relation? scope) => index.Index switch
    {
        LiteralExpr { Value: string key } when !key.Contains('"', StringComparison.Ordinal) =>
            DynamicAccess(index.Target, $"$.\"{key}\"", scope, index.Position),
        LiteralExpr { Value: long i } => DynamicAccess(index.Target, $"$[{i}]", scope, index.Position),
        UnaryExpr { Operator: "-", Operand: LiteralExpr { Value: long fromEnd } } => DynamicAccess(index.Target, $"$[#-{fromEnd}]", scope, index.Position),
        _ => throw KqlErrors.Unsupported(index.Position, "an index that is not a constant number or a property name without quotes"),
    };

    /// <summary>Member and index access on dynamic values; the JSON path is a bound parameter built from a validated name.</summary>
    private TypedSql DynamicAccess(Expr target, string path, Relation? scope, SourcePosition at)
    {
        var bound = BindScalar(target, scope);
        if (bound.Type != KqlType.Dynamic)
        {
            throw KqlErrors.Semantic(at, $"member access needs a dynamic value, but the expression is {bound.Type.KqlName()}; use parse_json() first");
        }

        return new TypedSql($"({bound.Sql} -> {Parameter(path)})", KqlType.Dynamic);
    }

    private TypedSql Negate(UnaryExpr unary, Relation? scope)
    {
        var operand = BindScalar(unary.Operand, scope);
        if (!operand.Type.IsNumeric() && operand.Type != KqlType.TimeSpan)
        {
            throw KqlErrors.Semantic(unary.Position, $"unary '-' needs a number or a timespan, but got {operand.Type.KqlName()}");
        }

        return operand with { Sql = $"(-{operand.Sql})" };
    }

    private TypedSql BindBinary(BinaryExpr binary, Relation? scope)
    {
        var left = BindScalar(binary.Left, scope);
        var right = BindScalar(binary.Right, scope);
        var op = binary.Operator;
        switch (op)
        {
            case "and" or "or":
                RequireBool(left, binary.Left, op);
                RequireBool(right, binary.Right, op);
                return Bool($"({left.Sql} {op.ToUpperInvariant()} {right.Sql})");
            case "+" or "-" or "*" or "/" or "%":
                return Arithmetic(op, left, right, binary.Position);
            case "==" or "!=" or "<" or "<=" or ">" or ">=":
                (left, right) = Comparable(left, right, binary.Position, op);
                return Bool($"({left.Sql} {(op == "==" ? "=" : op == "!=" ? "<>" : op)} {right.Sql})");
            case "=~" or "!~":
                var l = ToText(left);
                var r = ToText(right);
                return op == "=~" ? Bool($"({l} = {r} COLLATE NOCASE)") : Bool($"(NOT coalesce({l} = {r} COLLATE NOCASE, 0))");
            case "matches regex":
                return MatchesRegex(left, binary.Right);
            default:
                return StringPredicate(op, ToText(left), ToText(right));
        }
    }

    private static void RequireBool(TypedSql value, Expr expr, string op)
    {
        if (value.Type != KqlType.Bool)
        {
            throw KqlErrors.Semantic(expr.Position, $"the operands of '{op}' must be bool, but one is {value.Type.KqlName()}");
        }
    }

    private static TypedSql Bool(string sql) => new(sql, KqlType.Bool);

    private static TypedSql Arithmetic(string op, TypedSql left, TypedSql right, SourcePosition at)
    {
        var type = (left.Type, right.Type, op) switch
        {
            (KqlType.Int, KqlType.Int, _) => KqlType.Int,
            var (l, r, _) when l.IsNumeric() && r.IsNumeric() => l == KqlType.Real || r == KqlType.Real ? KqlType.Real : KqlType.Long,
            (KqlType.DateTime, KqlType.DateTime, "-") => KqlType.TimeSpan,
            (KqlType.DateTime, KqlType.TimeSpan, "+" or "-") or (KqlType.TimeSpan, KqlType.DateTime, "+") => KqlType.DateTime,
            (KqlType.TimeSpan, KqlType.TimeSpan, "+" or "-") => KqlType.TimeSpan,
            (KqlType.TimeSpan, KqlType.TimeSpan, "/") => KqlType.Real,
            (KqlType.TimeSpan, var n, "*" or "/") when n.IsNumeric() => KqlType.TimeSpan,
            (var n, KqlType.TimeSpan, "*") when n.IsNumeric() => KqlType.TimeSpan,
            _ => throw KqlErrors.Semantic(at, $"the operator '{op}' is not defined for {left.Type.KqlName()} and {right.Type.KqlName()}"),
        };
        var rightSql = type == KqlType.Real && op == "/" ? $"CAST({right.Sql} AS REAL)" : right.Sql;
        var sql = $"({left.Sql} {op} {rightSql})";
        return new TypedSql(type == KqlType.TimeSpan && op is "*" or "/" ? $"CAST({sql} AS INTEGER)" : sql, type);
    }

    /// <summary>Brings both sides of a comparison to one type: a dynamic side is unwrapped to its SQL value.</summary>
    private static (TypedSql Left, TypedSql Right) Comparable(TypedSql left, TypedSql right, SourcePosition at, string op)
    {
        if (left.Type == KqlType.Dynamic && right.Type != KqlType.Dynamic)
        {
            left = Unwrapped(left, right.Type);
        }
        else if (right.Type == KqlType.Dynamic && left.Type != KqlType.Dynamic)
        {
            right = Unwrapped(right, left.Type);
        }

        var compatible = left.Type == right.Type
            || (left.Type.IsNumeric() && right.Type.IsNumeric())
            || (left.Type is KqlType.Bool or KqlType.Long or KqlType.Int && right.Type is KqlType.Bool or KqlType.Long or KqlType.Int);
        if (!compatible)
        {
            throw KqlErrors.Semantic(at, $"cannot compare {left.Type.KqlName()} with {right.Type.KqlName()} using '{op}'");
        }

        return (left, right);
    }

    /// <summary>A dynamic value compared with a typed one is converted to that type, as Kusto does (a datetime inside JSON is text).</summary>
    private static TypedSql Unwrapped(TypedSql dynamic, KqlType type) => type switch
    {
        KqlType.DateTime => new($"{HuntingSqlFunctions.ToDateTime}(({dynamic.Sql} ->> '$'))", type),
        KqlType.TimeSpan => new($"{HuntingSqlFunctions.ToTimeSpan}(({dynamic.Sql} ->> '$'))", type),
        KqlType.String => new($"CAST(({dynamic.Sql} ->> '$') AS TEXT)", type),
        _ => new($"({dynamic.Sql} ->> '$')", type),
    };

    private TypedSql MatchesRegex(TypedSql left, Expr pattern)
    {
        if (pattern is not LiteralExpr { Value: string regex })
        {
            throw KqlErrors.Semantic(pattern.Position, "the pattern of 'matches regex' must be a constant string");
        }

        try
        {
            _ = new Regex(regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw KqlErrors.Semantic(pattern.Position, $"the regular expression is invalid: {e.Message}");
        }

        return Bool($"coalesce({HuntingSqlFunctions.Regexp}({Parameter(regex)}, {ToText(left)}), 0)");
    }

    private static TypedSql StringPredicate(string op, string l, string r)
    {
        var negated = op[0] == '!';
        var name = negated ? op[1..] : op;
        var cs = name.EndsWith("_cs", StringComparison.Ordinal);
        var baseName = cs ? name[..^3] : name;
        var (hay, needle) = cs ? (l, r) : ($"lower({l})", $"lower({r})");
        var sql = baseName switch
        {
            "contains" => $"(instr({hay}, {needle}) > 0)",
            "startswith" => $"(substr({hay}, 1, length({r})) = {needle})",
            "endswith" => $"(length({r}) = 0 OR substr({hay}, -length({r})) = {needle})",
            "has" => $"{HuntingSqlFunctions.Has}({l}, {r}, 0, {(cs ? 1 : 0)})",
            "hasprefix" => $"{HuntingSqlFunctions.Has}({l}, {r}, 1, 0)",
            "hassuffix" => $"{HuntingSqlFunctions.Has}({l}, {r}, 2, 0)",
            _ => throw new InvalidOperationException($"Unhandled string operator {op}."),
        };
        return Bool(negated ? $"(NOT coalesce({sql}, 0))" : $"coalesce({sql}, 0)");
    }

    /// <summary>Any value as KQL's string form (what tostring() gives, before null becomes empty).</summary>
    private static string ToText(TypedSql value) => value.Type switch
    {
        KqlType.String => value.Sql,
        KqlType.DateTime => $"{HuntingSqlFunctions.DateTimeText}({value.Sql})",
        KqlType.TimeSpan => $"{HuntingSqlFunctions.TimeSpanText}({value.Sql})",
        KqlType.Bool => $"(CASE {value.Sql} WHEN 0 THEN 'false' WHEN NULL THEN NULL ELSE 'true' END)",
        KqlType.Dynamic => $"CAST(({value.Sql} ->> '$') AS TEXT)",
        _ => $"CAST({value.Sql} AS TEXT)",
    };

    private TypedSql BindBetween(BetweenExpr between, Relation? scope)
    {
        var value = BindScalar(between.Value, scope);
        var (v1, low) = Comparable(value, BindScalar(between.Low, scope), between.Position, "between");
        var (_, high) = Comparable(v1, BindScalar(between.High, scope), between.Position, "between");
        var sql = $"({v1.Sql} BETWEEN {low.Sql} AND {high.Sql})";
        return Bool(between.Negated ? $"(NOT coalesce({sql}, 0))" : sql);
    }

    private TypedSql BindIn(InExpr inExpr, Relation? scope)
    {
        var value = BindScalar(inExpr.Value, scope);
        if (value.Type == KqlType.Dynamic)
        {
            value = new TypedSql($"({value.Sql} ->> '$')", KqlType.String);
        }

        var op = inExpr.Operator;
        if (op is "has_any" or "has_all")
        {
            return HasAnyOrAll(inExpr, ToText(value), scope);
        }

        var caseInsensitive = op.EndsWith('~');
        string Fold(string sql) => caseInsensitive ? $"lower({sql})" : sql;
        var scalars = new List<string>();
        var groups = new List<string>();
        foreach (var item in inExpr.Items)
        {
            if (item is TabularArgumentExpr tabular)
            {
                var relation = BindPipeline(tabular.Query);
                groups.Add($"{Fold(value.Sql)} IN (SELECT {Fold(Q(relation.Columns[0].Name))} FROM ({relation.Sql}) AS {NextAlias()})");
                continue;
            }

            var bound = BindScalar(item, scope);
            if (bound.Type == KqlType.Dynamic)
            {
                groups.Add($"{Fold(value.Sql)} IN (SELECT {Fold("value")} FROM json_each({bound.Sql}))");
            }
            else
            {
                scalars.Add(Fold(Comparable(value, bound, item.Position, op).Right.Sql));
            }
        }

        if (scalars.Count > 0)
        {
            groups.Add($"{Fold(value.Sql)} IN ({string.Join(", ", scalars)})");
        }

        var sql = $"({string.Join(" OR ", groups)})";
        return Bool(op[0] == '!' ? $"(NOT coalesce({sql}, 0))" : $"coalesce({sql}, 0)");
    }

    private TypedSql HasAnyOrAll(InExpr inExpr, string text, Relation? scope)
    {
        var terms = new List<string>();
        foreach (var item in inExpr.Items)
        {
            var bound = item is TabularArgumentExpr t
                ? throw KqlErrors.Unsupported(t.Position, $"a tabular argument to '{inExpr.Operator}'")
                : BindScalar(item, scope);
            terms.Add(bound.Type == KqlType.Dynamic
                ? (inExpr.Operator == "has_any"
                    ? $"EXISTS (SELECT 1 FROM json_each({bound.Sql}) WHERE {HuntingSqlFunctions.Has}({text}, CAST(value AS TEXT), 0, 0))"
                    : $"NOT EXISTS (SELECT 1 FROM json_each({bound.Sql}) WHERE NOT {HuntingSqlFunctions.Has}({text}, CAST(value AS TEXT), 0, 0))")
                : $"{HuntingSqlFunctions.Has}({text}, {ToText(bound)}, 0, 0)");
        }

        return Bool($"coalesce(({string.Join(inExpr.Operator == "has_any" ? " OR " : " AND ", terms)}), 0)");
    }
}
