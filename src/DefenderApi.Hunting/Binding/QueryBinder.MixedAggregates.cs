using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>
/// A summarize mixing arg_max/arg_min with other aggregations (or several of them): each arg_max/arg_min and the other
/// aggregations together are summarized on their own by the same keys, then joined on the keys (null keys match, as a
/// group by puts them in one group). Columns keep the order of the aggregations; clashing names get a number, as in Kusto.
/// </summary>
internal sealed partial class QueryBinder
{
    private Relation MixedArgAggregates(Relation input, SummarizeOperator summarize, List<(PlanColumn Column, string Sql)> keys)
    {
        var parts = new List<(Relation Relation, bool IsArg)>();
        var others = summarize.Aggregates.Where(a => a.Value is not CallExpr { Name: "arg_max" or "arg_min" }).ToList();
        var othersIndex = -1;
        foreach (var aggregate in summarize.Aggregates)
        {
            if (aggregate.Value is CallExpr { Name: "arg_max" or "arg_min" })
            {
                parts.Add((ArgMaxOrMin(input, summarize with { Aggregates = [aggregate] }, keys), true));
            }
            else if (othersIndex < 0)
            {
                othersIndex = parts.Count;
                parts.Add((Summarize(input, summarize with { Aggregates = others }), false));
            }
        }

        var keyNames = keys.Select(k => k.Column.Name).ToList();
        var aliases = parts.Select(_ => NextAlias()).ToList();
        var output = keys.Select(k => (k.Column, Sql: $"{aliases[0]}.{Q(k.Column.Name)}")).ToList();
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var column in parts[p].Relation.Columns.Where(c => !keyNames.Contains(c.Name)))
            {
                var name = UniqueName(column.Name, output.Select(o => o.Column.Name));
                output.Add((column with { Name = name }, $"{aliases[p]}.{Q(column.Name)}"));
            }
        }

        var from = new System.Text.StringBuilder($"({parts[0].Relation.Sql}) AS {aliases[0]}");
        for (var p = 1; p < parts.Count; p++)
        {
            var on = keyNames.Count == 0 ? "1" : string.Join(" AND ", keyNames.Select(k => $"{aliases[0]}.{Q(k)} IS {aliases[p]}.{Q(k)}"));
            from.Append($" JOIN ({parts[p].Relation.Sql}) AS {aliases[p]} ON {on}");
        }

        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        return new Relation($"SELECT {select} FROM {from}", [.. output.Select(o => o.Column)]);
    }
}
