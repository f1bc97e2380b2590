using System.Globalization;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>
/// top-nested: each level groups by its key within the groups the levels above kept, ranks the groups by the level's
/// aggregation (descending) and keeps the top N; the output has one row per kept leaf with every level's key and value.
/// </summary>
internal sealed partial class QueryBinder
{
    private Relation TopNested(Relation input, TopNestedOperator topNested)
    {
        var levels = new List<(PlanColumn Key, string KeySql, PlanColumn Value, string ValueSql, string Count)>();
        foreach (var (level, i) in topNested.Levels.Select((l, i) => (l, i)))
        {
            var key = BindScalar(level.Key.Value, input);
            var keyName = level.Key.Name ?? InferName(level.Key.Value) ?? $"Column{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var (aggregate, sql) = BindAggregate(level.Aggregate.Value, input);
            var valueName = level.Aggregate.Name ?? $"aggregated_{keyName}";
            levels.Add((new PlanColumn(keyName, key.Type), key.Sql, new PlanColumn(valueName, aggregate.Type), sql, RowCount(level.Count)));
        }

        var names = levels.SelectMany(l => new[] { l.Key.Name, l.Value.Name }).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw KqlErrors.Semantic(topNested.Position, "top-nested would produce two columns with the same name; name them (Name = ...)");
        }

        string K(int i) => Q($"#k{i.ToString(CultureInfo.InvariantCulture)}");
        string A(int i) => Q($"#a{i.ToString(CultureInfo.InvariantCulture)}");
        var baseSql = $"SELECT *, {string.Join(", ", levels.Select((l, i) => $"{l.KeySql} AS {K(i)}"))} FROM ({input.Sql}) AS {NextAlias()}";
        string? combined = null;
        for (var i = 0; i < levels.Count; i++)
        {
            var groupKeys = string.Join(", ", Enumerable.Range(0, i + 1).Select(K));
            var partition = i == 0 ? string.Empty : "PARTITION BY " + string.Join(", ", Enumerable.Range(0, i).Select(K)) + " ";
            var ranked = $"SELECT {groupKeys}, {levels[i].ValueSql} AS {A(i)}, ROW_NUMBER() OVER ({partition}ORDER BY {levels[i].ValueSql} DESC) AS {Q("#r")} FROM ({baseSql}) AS {NextAlias()} GROUP BY {groupKeys}";
            var kept = $"SELECT * FROM ({ranked}) AS {NextAlias()} WHERE {Q("#r")} <= {levels[i].Count}";
            if (combined is null)
            {
                combined = $"SELECT {K(0)}, {A(0)} FROM ({kept}) AS {NextAlias()}";
                continue;
            }

            var (t, l) = (NextAlias(), NextAlias());
            var on = string.Join(" AND ", Enumerable.Range(0, i).Select(k => $"{t}.{K(k)} IS {l}.{K(k)}"));
            var carried = string.Join(", ", Enumerable.Range(0, i).SelectMany(k => new[] { $"{t}.{K(k)} AS {K(k)}", $"{t}.{A(k)} AS {A(k)}" }));
            combined = $"SELECT {carried}, {l}.{K(i)} AS {K(i)}, {l}.{A(i)} AS {A(i)} FROM ({combined}) AS {t} JOIN ({kept}) AS {l} ON {on}";
        }

        var output = levels.SelectMany(l => new[] { l.Key, l.Value }).ToList();
        var select = string.Join(", ", levels.Select((l, i) => $"{K(i)} AS {Q(l.Key.Name)}, {A(i)} AS {Q(l.Value.Name)}"));
        return new Relation($"SELECT {select} FROM ({combined}) AS {NextAlias()}", output);
    }
}
