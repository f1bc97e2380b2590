using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>summarize: group keys are computed under hidden names first, so output names never shadow input columns.</summary>
internal sealed partial class QueryBinder
{
    private Relation Summarize(Relation input, SummarizeOperator summarize)
    {
        var keys = new List<(PlanColumn Column, string Sql)>();
        foreach (var by in summarize.By)
        {
            var bound = BindScalar(by.Value, input);
            if (bound.Type == KqlType.Dynamic)
            {
                throw KqlErrors.Semantic(by.Value.Position, "cannot group by a dynamic value; convert it with tostring() first");
            }

            var name = by.Name ?? KeyName(by.Value) ?? UniqueName("Column", keys.Select(k => k.Column.Name), alwaysNumber: true);
            keys.Add((new PlanColumn(UniqueName(name, keys.Select(k => k.Column.Name)), bound.Type), bound.Sql));
        }

        if (summarize.Aggregates.Any(a => a.Value is CallExpr { Name: "arg_max" or "arg_min" }))
        {
            return summarize.Aggregates.Count == 1 ? ArgMaxOrMin(input, summarize, keys) : MixedArgAggregates(input, summarize, keys);
        }

        var output = keys.Select((k, i) => (k.Column, Sql: Q($"#k{i}"))).ToList();
        foreach (var aggregate in summarize.Aggregates)
        {
            var bound = BindAggregates(aggregate, input);
            foreach (var (defaultName, sql) in bound)
            {
                var name = UniqueName(bound.Count == 1 ? aggregate.Name ?? defaultName.Name : defaultName.Name, output.Select(o => o.Column.Name));
                output.Add((new PlanColumn(name, defaultName.Type), sql));
            }
        }

        var inner = keys.Count == 0
            ? input.Sql
            : $"SELECT *, {string.Join(", ", keys.Select((k, i) => $"{k.Sql} AS {Q($"#k{i}")}"))} FROM ({input.Sql}) AS {NextAlias()}";
        var groupBy = keys.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", keys.Select((_, i) => Q($"#k{i}")));
        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        return new Relation($"SELECT {select} FROM ({inner}) AS {NextAlias()}{groupBy}", [.. output.Select(o => o.Column)]);
    }

    /// <summary>The name Kusto gives a group key: the column, also when it is binned.</summary>
    private static string? KeyName(Expr expr) => expr switch
    {
        CallExpr { Name: "bin" or "floor" or "startofday" or "tolower" or "toupper" or "tostring", Arguments: [var first, ..] } => InferName(first),
        _ => InferName(expr),
    };

    private (PlanColumn Default, string Sql) BindAggregate(Expr expr, Relation input)
    {
        if (expr is not CallExpr call || !IsAggregate(call.Name))
        {
            if (ReferencesAggregate(expr))
            {
                // A scalar expression over aggregations (round(avg(x), 2)): aggregations bind against the input, nothing else may name a column.
                _aggregateInput = input;
                try
                {
                    var bound = BindScalar(expr, scope: null);
                    return (new(InferName(expr) ?? "Column1", bound.Type), bound.Sql);
                }
                finally
                {
                    _aggregateInput = null;
                }
            }

            throw KqlErrors.Semantic(expr.Position, "summarize expects aggregation functions (such as count, countif, dcount, sum, avg, min, max, make_set, make_list, arg_max, arg_min, take_any, percentile)");
        }

        var args = call.Arguments.Select(a => BindScalar(a, input)).ToList();
        var suffix = call.Arguments.Count > 0 ? InferName(call.Arguments[0]) ?? string.Empty : string.Empty;
        switch (call.Name)
        {
            case "count":
                ArityRange(call, args, 0, 1);
                return (new("count_", KqlType.Long), args.Count == 0 ? "COUNT(*)" : $"COUNT({args[0].Sql})");
            case "countif":
                Require(call, Arity(call, args, 1)[0], 0, KqlType.Bool);
                return (new("countif_", KqlType.Long), $"SUM(CASE WHEN {args[0].Sql} THEN 1 ELSE 0 END)");
            case "dcount":
                ArityRange(call, args, 1, 2);
                return (new("dcount_" + suffix, KqlType.Long), $"COUNT(DISTINCT {args[0].Sql})");
            case "sum" or "avg":
                var value = Arity(call, args, 1)[0];
                if (!value.Type.IsNumeric() && !(call.Name == "sum" && value.Type == KqlType.TimeSpan))
                {
                    throw KqlErrors.Semantic(call.Arguments[0].Position, $"{call.Name}() needs a numeric argument, but it is {value.Type.KqlName()}");
                }

                return call.Name == "sum"
                    ? (new("sum_" + suffix, value.Type == KqlType.Int ? KqlType.Long : value.Type), $"coalesce(SUM({value.Sql}), 0)")
                    : (new("avg_" + suffix, KqlType.Real), $"AVG({value.Sql})");
            case "min" or "max":
                var operand = Arity(call, args, 1)[0];
                if (operand.Type == KqlType.Dynamic)
                {
                    throw KqlErrors.Semantic(call.Arguments[0].Position, $"{call.Name}() cannot take a dynamic argument");
                }

                return (new($"{call.Name}_{suffix}", operand.Type), $"{call.Name.ToUpperInvariant()}({operand.Sql})");
            case "make_set" or "make_list":
                return MakeList(call, ArityRange(call, args, 1, 2), condition: null, suffix);
            default:
                return BindMoreAggregate(call, args, suffix);
        }
    }

    private Relation? _aggregateInput;

    private static bool ReferencesAggregate(Expr expr) => expr switch
    {
        CallExpr call => IsAggregate(call.Name) || call.Arguments.Any(ReferencesAggregate),
        BinaryExpr binary => ReferencesAggregate(binary.Left) || ReferencesAggregate(binary.Right),
        UnaryExpr unary => ReferencesAggregate(unary.Operand),
        _ => false,
    };

    /// <summary>A value as a JSON array element, so make_set of datetimes gives ISO strings and of bools gives true/false.</summary>
    private static string JsonElement(TypedSql value) => value.Type switch
    {
        KqlType.Dynamic => $"json({value.Sql})",
        KqlType.Bool => $"json(CASE {value.Sql} WHEN 0 THEN 'false' ELSE 'true' END)",
        KqlType.DateTime or KqlType.TimeSpan => ToText(value),
        _ => value.Sql,
    };

    /// <summary>
    /// arg_max/arg_min pick the whole row with the largest/smallest value per group.
    /// They must be the only aggregation of their summarize; mixing is refused by name.
    /// </summary>
    private Relation ArgMaxOrMin(Relation input, SummarizeOperator summarize, List<(PlanColumn Column, string Sql)> keys)
    {
        if (summarize.Aggregates is not [{ Value: CallExpr call } aggregate] || call.Arguments.Count < 2)
        {
            throw KqlErrors.Unsupported(summarize.Position, "arg_max()/arg_min() without the columns to return");
        }

        var by = BindScalar(call.Arguments[0], input);
        if (by.Type == KqlType.Dynamic)
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, $"{call.Name}() cannot order by a dynamic value");
        }

        var byName = aggregate.Name ?? InferName(call.Arguments[0]) ?? (call.Name == "arg_max" ? "max_" : "min_");
        var function = call.Name == "arg_max" ? "MAX" : "MIN";
        var output = keys.Select((k, i) => (k.Column, Sql: Q($"#k{i}"))).ToList();
        output.Add((new PlanColumn(UniqueName(byName, output.Select(o => o.Column.Name)), by.Type), $"{function}({Q("#a")})"));
        var requested = call.Arguments.Skip(1).ToList();
        var columns = requested is [StarExpr]
            ? input.Columns.Where(c => output.All(o => o.Column.Name != c.Name))
            : requested.Select(r => r is NameExpr n ? ResolveColumn(input, n) : throw KqlErrors.Semantic(r.Position, $"{call.Name}() returns columns: name them or use '*'"));
        foreach (var column in columns.ToList())
        {
            if (output.All(o => o.Column.Name != column.Name))
            {
                output.Add((column, Q(column.Name)));
            }
        }

        // SQLite's documented bare-column rule: with exactly one min() or max() aggregate, the other columns come from
        // the row that holds it. One pass per group, no sort, and the scan below reads only the columns named here.
        var keyColumns = string.Concat(keys.Select((k, i) => $", {k.Sql} AS {Q($"#k{i}")}"));
        var inner = $"SELECT *{keyColumns}, {by.Sql} AS {Q("#a")} FROM ({input.Sql}) AS {NextAlias()}";
        var groupBy = keys.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", keys.Select((_, i) => Q($"#k{i}")));
        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        return new Relation($"SELECT {select} FROM ({inner}) AS {NextAlias()}{groupBy}", [.. output.Select(o => o.Column)]);
    }
}
