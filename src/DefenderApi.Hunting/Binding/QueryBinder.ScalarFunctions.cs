using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>Scalar function calls. Anything not listed is refused by name.</summary>
internal sealed partial class QueryBinder
{
    private static readonly HashSet<string> AggregateNames = new(StringComparer.Ordinal)
    {
        "count", "countif", "dcount", "sum", "avg", "min", "max", "make_set", "make_list", "arg_max", "arg_min",
    };

    private static bool IsAggregate(string name) => AggregateNames.Contains(name) || MoreAggregateNames.Contains(name);

    private TypedSql BindCall(CallExpr call, Relation? scope)
    {
        if (_functions.TryGetValue(call.Name, out var function))
        {
            return CallScalarFunction(function, call, scope);
        }

        if (IsAggregate(call.Name) && _aggregateInput is { } aggregateInput)
        {
            var (column, sql) = BindAggregate(call, aggregateInput);
            return new TypedSql(sql, column.Type);
        }

        if (IsAggregate(call.Name))
        {
            throw KqlErrors.Semantic(call.Position, $"the aggregation function '{call.Name}' can only be used in summarize");
        }

        if (call.Name == "toscalar")
        {
            return ToScalar(call);
        }

        var args = call.Arguments.Select(a => BindScalar(a, scope)).ToList();
        return call.Name switch
        {
            "ago" => new($"({NowParameter} - {Require(call, Arity(call, args, 1)[0], 0, KqlType.TimeSpan)})", KqlType.DateTime),
            "now" => ArityRange(call, args, 0, 1).Count == 0
                ? new(NowParameter, KqlType.DateTime)
                : new($"({NowParameter} + {Require(call, args[0], 0, KqlType.TimeSpan)})", KqlType.DateTime),
            "bin" or "floor" => Bin(call, Arity(call, args, 2)),
            "startofday" => new($"(({Require(call, Arity(call, args, 1)[0], 0, KqlType.DateTime)} / {TimeSpan.TicksPerDay}) * {TimeSpan.TicksPerDay})", KqlType.DateTime),
            "tolower" => new($"lower({ToText(Arity(call, args, 1)[0])})", KqlType.String),
            "toupper" => new($"upper({ToText(Arity(call, args, 1)[0])})", KqlType.String),
            "strlen" => new($"length({ToText(Arity(call, args, 1)[0])})", KqlType.Long),
            "strcat" => new($"({string.Join(" || ", ArityRange(call, args, 1, 64).Select(a => $"coalesce({ToText(a)}, '')"))})", KqlType.String),
            "substring" => Substring(call, ArityRange(call, args, 2, 3)),
            "split" when args.Count != 3 => new($"{HuntingSqlFunctions.Split}({ToText(Arity(call, args, 2)[0])}, {ToText(args[1])})", KqlType.Dynamic),
            "parse_json" or "todynamic" => ParseJson(Arity(call, args, 1)[0]),
            "tostring" => new($"coalesce({ToText(Arity(call, args, 1)[0])}, '')", KqlType.String),
            "toint" => Convert(Arity(call, args, 1)[0], KqlType.Int),
            "tolong" => Convert(Arity(call, args, 1)[0], KqlType.Long),
            "toreal" or "todouble" => Convert(Arity(call, args, 1)[0], KqlType.Real),
            "todatetime" => ToDateTime(Arity(call, args, 1)[0]),
            "isempty" => Bool($"(coalesce({ToText(Arity(call, args, 1)[0])}, '') = '')"),
            "isnotempty" => Bool($"(coalesce({ToText(Arity(call, args, 1)[0])}, '') <> '')"),
            "isnull" => Bool(IsNull(Arity(call, args, 1)[0])),
            "isnotnull" => Bool($"(NOT {IsNull(Arity(call, args, 1)[0])})"),
            "not" => Bool($"(NOT {Require(call, Arity(call, args, 1)[0], 0, KqlType.Bool)})"),
            "iff" or "iif" => Case(call, Arity(call, args, 3)),
            "case" => Case(call, args),
            "coalesce" => Coalesce(call, ArityRange(call, args, 2, 64)),
            "array_length" => new($"json_array_length({Require(call, Arity(call, args, 1)[0], 0, KqlType.Dynamic)})", KqlType.Long),
            "round" => new($"round({Numeric(call, ArityRange(call, args, 1, 2)[0], 0)}{(args.Count == 2 ? ", " + args[1].Sql : "")})", KqlType.Real),
            "extract" => Extract(call, Arity(call, args, 3)),
            _ => BindMoreCall(call, args, scope),
        };
    }

    private static List<TypedSql> Arity(CallExpr call, List<TypedSql> args, int count) => ArityRange(call, args, count, count);

    private static List<TypedSql> ArityRange(CallExpr call, List<TypedSql> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} to {max}";
            throw KqlErrors.Semantic(call.Position, $"the function '{call.Name}' expects {expected} argument(s), but got {args.Count}");
        }

        return args;
    }

    /// <summary>The argument's SQL when it has the required type; otherwise a 400 naming the function and argument.</summary>
    private static string Require(CallExpr call, TypedSql arg, int index, KqlType type) =>
        arg.Type == type || (type == KqlType.Long && arg.Type == KqlType.Int)
            ? arg.Sql
            : throw KqlErrors.Semantic(call.Arguments[index].Position,
                $"argument {index + 1} of '{call.Name}' must be {type.KqlName()}, but it is {arg.Type.KqlName()}");

    private static string Numeric(CallExpr call, TypedSql arg, int index) =>
        arg.Type.IsNumeric()
            ? arg.Sql
            : throw KqlErrors.Semantic(call.Arguments[index].Position,
                $"argument {index + 1} of '{call.Name}' must be a number, but it is {arg.Type.KqlName()}");

    private static TypedSql Bin(CallExpr call, List<TypedSql> args)
    {
        var (value, size) = (args[0], args[1]);
        return (value.Type, size.Type) switch
        {
            (KqlType.DateTime or KqlType.TimeSpan, KqlType.TimeSpan) => new($"(({value.Sql} / {size.Sql}) * {size.Sql})", value.Type),
            (KqlType.Real, _) or (_, KqlType.Real) when value.Type.IsNumeric() && size.Type.IsNumeric() =>
                new($"(CAST({value.Sql} / CAST({size.Sql} AS REAL) AS INTEGER) * {size.Sql})", KqlType.Real),
            var (v, s) when v.IsNumeric() && s.IsNumeric() => new($"(({value.Sql} / {size.Sql}) * {size.Sql})", KqlType.Long),
            _ => throw KqlErrors.Semantic(call.Position,
                $"'{call.Name}' needs a number with a numeric size or a datetime/timespan with a timespan size, but got {value.Type.KqlName()} and {size.Type.KqlName()}"),
        };
    }

    private static TypedSql Substring(CallExpr call, List<TypedSql> args)
    {
        var start = Numeric(call, args[1], 1);
        var length = args.Count == 3 ? ", " + Numeric(call, args[2], 2) : string.Empty;
        return new($"substr({ToText(args[0])}, ({start}) + 1{length})", KqlType.String);
    }

    private static TypedSql ParseJson(TypedSql arg) =>
        arg.Type == KqlType.Dynamic ? arg : new($"{HuntingSqlFunctions.ParseJson}({ToText(arg)})", KqlType.Dynamic);

    private static TypedSql Convert(TypedSql arg, KqlType target)
    {
        var function = target == KqlType.Real ? HuntingSqlFunctions.ToReal : HuntingSqlFunctions.ToLong;
        var sql = arg.Type switch
        {
            KqlType.String => $"{function}({arg.Sql})",
            KqlType.Dynamic => $"{function}(({arg.Sql} ->> '$'))",
            _ => $"{function}({arg.Sql})",
        };
        return new(sql, target);
    }

    private static TypedSql ToDateTime(TypedSql arg) => arg.Type switch
    {
        KqlType.DateTime => arg,
        _ => new($"{HuntingSqlFunctions.ToDateTime}({ToText(arg)})", KqlType.DateTime),
    };

    private static string IsNull(TypedSql arg) =>
        arg.Type == KqlType.Dynamic ? $"({arg.Sql} IS NULL OR {arg.Sql} = 'null')" : $"({arg.Sql} IS NULL)";

    /// <summary>iff(c, a, b) and case(c1, v1, ..., else): conditions bool, results of one type.</summary>
    private static TypedSql Case(CallExpr call, List<TypedSql> args)
    {
        if (args.Count < 3 || args.Count % 2 == 0)
        {
            throw KqlErrors.Semantic(call.Position, $"'{call.Name}' expects predicate/value pairs followed by an else value");
        }

        var type = UnifyTypes(call, args.Where((_, i) => i % 2 == 1 || i == args.Count - 1).ToList());
        var whens = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            Require(call, args[i], i, KqlType.Bool);
            whens.Add($"WHEN {args[i].Sql} THEN {args[i + 1].Sql}");
        }

        return new($"(CASE {string.Join(" ", whens)} ELSE {args[^1].Sql} END)", type);
    }

    private static KqlType UnifyTypes(CallExpr call, List<TypedSql> values)
    {
        var type = values[0].Type;
        foreach (var value in values.Skip(1))
        {
            if (value.Type == type)
            {
                continue;
            }

            type = type.IsNumeric() && value.Type.IsNumeric()
                ? (type == KqlType.Real || value.Type == KqlType.Real ? KqlType.Real : KqlType.Long)
                : throw KqlErrors.Semantic(call.Position, $"the results of '{call.Name}' must have one type, but got {type.KqlName()} and {value.Type.KqlName()}");
        }

        return type;
    }

    private static TypedSql Coalesce(CallExpr call, List<TypedSql> args)
    {
        var type = UnifyTypes(call, args);
        return type == KqlType.String
            ? new($"coalesce({string.Join(", ", args.Select(a => $"nullif({a.Sql}, '')"))}, '')", type)
            : new($"coalesce({string.Join(", ", args.Select(a => a.Sql))})", type);
    }

    private TypedSql Extract(CallExpr call, List<TypedSql> args)
    {
        if (call.Arguments[0] is not LiteralExpr { Value: string })
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, "the pattern of 'extract' must be a constant string");
        }

        MatchesRegex(args[2], call.Arguments[0]);
        return new($"{HuntingSqlFunctions.Extract}({args[0].Sql}, {Numeric(call, args[1], 1)}, {ToText(args[2])})", KqlType.String);
    }

    private TypedSql ToScalar(CallExpr call)
    {
        if (call.Arguments is not [TabularArgumentExpr tabular])
        {
            throw KqlErrors.Semantic(call.Position, "toscalar() expects one tabular expression");
        }

        var relation = BindPipeline(tabular.Query);
        var column = relation.Columns[0];
        return new($"(SELECT {Q(column.Name)} FROM ({relation.Sql}) AS {NextAlias()} LIMIT 1)", column.Type);
    }
}
