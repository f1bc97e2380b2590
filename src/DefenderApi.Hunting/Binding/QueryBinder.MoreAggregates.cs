using System.Globalization;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>The conditional (<c>*if</c>), statistical and collection aggregations beyond the basic set.</summary>
internal sealed partial class QueryBinder
{
    private static readonly HashSet<string> MoreAggregateNames = new(StringComparer.Ordinal)
    {
        "take_any", "any", "take_anyif", "anyif", "make_set_if", "make_list_if", "make_list_with_nulls", "dcountif", "sumif",
        "avgif", "minif", "maxif", "count_distinct", "count_distinctif", "percentile", "percentiles", "stdev", "stdevp",
        "stdevif", "variance", "variancep", "varianceif", "make_bag", "make_bag_if",
    };

    /// <summary>One aggregation in summarize; percentiles() gives one column per percentage.</summary>
    private List<(PlanColumn Default, string Sql)> BindAggregates(NamedExpr aggregate, Relation input)
    {
        if (aggregate.Value is not CallExpr { Name: "percentiles" } call)
        {
            return [BindAggregate(aggregate.Value, input)];
        }

        if (call.Arguments.Count < 2)
        {
            throw KqlErrors.Semantic(call.Position, "percentiles() expects a value and at least one percentage");
        }

        var value = BindScalar(call.Arguments[0], input);
        var suffix = InferName(call.Arguments[0]) ?? string.Empty;
        return [.. call.Arguments.Skip(1).Select(p => PercentileOf(call, value, p, suffix))];
    }

    private (PlanColumn Default, string Sql) BindMoreAggregate(CallExpr call, List<TypedSql> args, string suffix)
    {
        switch (call.Name)
        {
            case "take_any" or "any":
                var any = Arity(call, args, 1)[0];
                return (new(InferName(call.Arguments[0]) ?? "any_", any.Type), $"MIN({any.Sql})");
            case "take_anyif" or "anyif":
                Arity(call, args, 2);
                return (new(InferName(call.Arguments[0]) ?? "anyif_", args[0].Type), $"MIN(CASE WHEN {Require(call, args[1], 1, KqlType.Bool)} THEN {args[0].Sql} END)");
            case "make_set_if" or "make_list_if":
                ArityRange(call, args, 2, 3);
                var condition = Require(call, args[1], 1, KqlType.Bool);
                return MakeList(call, args.Count == 3 ? [args[0], args[2]] : [args[0]], condition, suffix);
            case "make_list_with_nulls":
                return (new("list_" + suffix, KqlType.Dynamic), $"json_group_array({JsonElement(Arity(call, args, 1)[0])})");
            case "dcountif" or "count_distinctif":
                ArityRange(call, args, 2, 3);
                return (new($"{call.Name}_{suffix}", KqlType.Long), $"COUNT(DISTINCT CASE WHEN {Require(call, args[1], 1, KqlType.Bool)} THEN {args[0].Sql} END)");
            case "count_distinct":
                return (new("count_distinct_" + suffix, KqlType.Long), $"COUNT(DISTINCT {Arity(call, args, 1)[0].Sql})");
            case "sumif" or "avgif" or "minif" or "maxif":
                Arity(call, args, 2);
                if (call.Name is "sumif" or "avgif")
                {
                    Numeric(call, args[0], 0);
                }

                var when = $"CASE WHEN {Require(call, args[1], 1, KqlType.Bool)} THEN {args[0].Sql} END";
                return call.Name switch
                {
                    "sumif" => (new("sumif_" + suffix, args[0].Type == KqlType.Int ? KqlType.Long : args[0].Type), $"coalesce(SUM({when}), 0)"),
                    "avgif" => (new("avgif_" + suffix, KqlType.Real), $"AVG({when})"),
                    _ => (new($"{call.Name}_{suffix}", args[0].Type), $"{call.Name[..3].ToUpperInvariant()}({when})"),
                };
            case "percentile":
                Arity(call, args, 2);
                return PercentileOf(call, args[0], call.Arguments[1], suffix);
            case "stdev" or "stdevp" or "variance" or "variancep":
                var x = Numeric(call, Arity(call, args, 1)[0], 0);
                return (new($"{call.Name}_{suffix}", KqlType.Real), $"{HuntingSqlFunctions.Variance}({x}, {VarianceMode(call.Name)})");
            case "stdevif" or "varianceif":
                Arity(call, args, 2);
                var y = $"CASE WHEN {Require(call, args[1], 1, KqlType.Bool)} THEN {Numeric(call, args[0], 0)} END";
                return (new($"{call.Name}_{suffix}", KqlType.Real), $"{HuntingSqlFunctions.Variance}({y}, {VarianceMode(call.Name[..^2])})");
            case "make_bag" or "make_bag_if":
                ArityRange(call, args, call.Name == "make_bag" ? 1 : 2, call.Name == "make_bag" ? 2 : 3);
                var bag = Require(call, args[0], 0, KqlType.Dynamic);
                var filtered = call.Name == "make_bag_if" ? $"CASE WHEN {Require(call, args[1], 1, KqlType.Bool)} THEN {bag} END" : bag;
                return (new("bag_" + suffix, KqlType.Dynamic), $"{HuntingSqlFunctions.MakeBag}({filtered})");
            default:
                throw KqlErrors.Unsupported(call.Position, $"'{call.Name}' combined with other aggregations in one summarize");
        }
    }

    private static long VarianceMode(string name) => name switch
    {
        "variance" => 0,
        "variancep" => 1,
        "stdev" => 2,
        _ => 3,
    };

    /// <summary>make_set/make_list (and their *_if forms): non-null values as a JSON array, at most the given number of them.</summary>
    private (PlanColumn Default, string Sql) MakeList(CallExpr call, List<TypedSql> args, string? condition, string suffix)
    {
        var element = args[0];
        var isSet = call.Name.StartsWith("make_set", StringComparison.Ordinal);
        var distinct = isSet ? "DISTINCT " : string.Empty;
        var name = (isSet ? "set_" : "list_") + suffix;
        var filter = condition is null ? $"{element.Sql} IS NOT NULL" : $"{element.Sql} IS NOT NULL AND {condition}";
        var sql = $"json_group_array({distinct}{JsonElement(element)}) FILTER (WHERE {filter})";
        if (args.Count == 2)
        {
            sql = $"{HuntingSqlFunctions.TakeItems}({sql}, {Numeric(call, args[1], call.Arguments.Count - 1)})";
        }

        return (new(name, KqlType.Dynamic), sql);
    }

    /// <summary>percentile(x, p): the nearest-rank value (see docs/hunting.md), in the value's own type.</summary>
    private (PlanColumn Default, string Sql) PercentileOf(CallExpr call, TypedSql value, Expr percentExpr, string suffix)
    {
        if (percentExpr is not LiteralExpr { Value: long or double } literal)
        {
            throw KqlErrors.Semantic(percentExpr.Position, $"the percentage of '{call.Name}' must be a constant number");
        }

        var percent = System.Convert.ToDouble(literal.Value, CultureInfo.InvariantCulture);
        if (percent is < 0 or > 100)
        {
            throw KqlErrors.Semantic(percentExpr.Position, $"the percentage of '{call.Name}' must be between 0 and 100");
        }

        if (!value.Type.IsNumeric() && value.Type is not (KqlType.DateTime or KqlType.TimeSpan))
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, $"{call.Name}() needs a number, datetime or timespan, but it is {value.Type.KqlName()}");
        }

        var text = percent.ToString(CultureInfo.InvariantCulture).Replace('.', '_');
        var sql = $"{HuntingSqlFunctions.Percentile}({value.Sql}, {percent.ToString("R", CultureInfo.InvariantCulture)})";
        var type = value.Type == KqlType.Int ? KqlType.Long : value.Type;
        return (new($"percentile_{suffix}_{text}", type), type == KqlType.Real ? sql : $"CAST({sql} AS INTEGER)");
    }
}
