using DefenderApi.Errors;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>join, union and search: the operators that read more than one relation.</summary>
internal sealed partial class QueryBinder
{
    private Relation Join(Relation left, JoinOperator join)
    {
        if (join.Kind is not ("innerunique" or "inner" or "leftouter" or "leftsemi" or "leftanti" or "leftantisemi"
            or "rightsemi" or "rightanti" or "rightantisemi" or "rightouter" or "fullouter"))
        {
            throw KqlErrors.Unsupported(join.Position, $"join kind={join.Kind}");
        }

        var right = BindSource(join.Right);
        var keys = join.Keys.Select(k => (Left: JoinSide(k.Left, "$left", left), Right: JoinSide(k.Right, "$right", right))).ToList();
        foreach (var (l, r) in keys)
        {
            if (l.Type != r.Type && !(l.Type.IsNumeric() && r.Type.IsNumeric()))
            {
                throw KqlErrors.Semantic(join.Position, $"the join keys '{l.Name}' ({l.Type.KqlName()}) and '{r.Name}' ({r.Type.KqlName()}) have different types");
            }
        }

        var (la, ra) = (NextAlias(), NextAlias());
        // LIMIT -1 keeps SQLite from flattening a side into the join: each side is filtered once, as KQL evaluates
        // them, and the inner one materialized with an automatic index on the keys. Flattened, the planner may instead
        // probe a whole table's time index once per row of the other side (quadratic at 1M events).
        var rightSql = Unflattened(right.Sql);
        var on = string.Join(" AND ", keys.Select(k => $"{la}.{Q(k.Left.Name)} = {ra}.{Q(k.Right.Name)}"));
        // A left outer join keeps its left side as the outer loop whatever the planner does, so that side may stay
        // flattened (its scan then reads only the columns used); the right side is materialized once with an index.
        var leftSql = join.Kind == "leftouter" ? left.Sql : Unflattened(left.Sql);
        if (join.Kind == "innerunique")
        {
            var partition = string.Join(", ", keys.Select(k => Q(k.Left.Name)));
            leftSql = $"SELECT {SelectList(left.Columns)} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY {partition}) AS {Q("#rn")} FROM ({left.Sql}) AS {NextAlias()}) AS {NextAlias()} WHERE {Q("#rn")} = 1";
        }

        var leftColumns = string.Join(", ", left.Columns.Select(c => $"{la}.{Q(c.Name)} AS {Q(c.Name)}"));
        if (join.Kind is "leftsemi" or "leftanti" or "leftantisemi")
        {
            var exists = join.Kind == "leftsemi" ? "EXISTS" : "NOT EXISTS";
            return new Relation($"SELECT {leftColumns} FROM ({leftSql}) AS {la} WHERE {exists} (SELECT 1 FROM ({rightSql}) AS {ra} WHERE {on})", left.Columns);
        }

        if (join.Kind is "rightsemi" or "rightanti" or "rightantisemi")
        {
            var exists = join.Kind == "rightsemi" ? "EXISTS" : "NOT EXISTS";
            var rightOnly = string.Join(", ", right.Columns.Select(c => $"{ra}.{Q(c.Name)} AS {Q(c.Name)}"));
            return new Relation($"SELECT {rightOnly} FROM ({rightSql}) AS {ra} WHERE {exists} (SELECT 1 FROM ({Unflattened(left.Sql)}) AS {la} WHERE {on})", right.Columns);
        }

        // lookup does not repeat the right side's key columns.
        var skipped = join.IsLookup ? keys.Select(k => k.Right.Name).ToHashSet(StringComparer.Ordinal) : [];
        var output = left.Columns.ToList();
        var rightColumns = new List<string>();
        foreach (var column in right.Columns.Where(c => !skipped.Contains(c.Name)))
        {
            var name = UniqueName(column.Name, output.Select(c => c.Name));
            output.Add(column with { Name = name });
            rightColumns.Add($"{ra}.{Q(column.Name)} AS {Q(name)}");
        }

        var joinKeyword = join.Kind switch { "leftouter" => "LEFT JOIN", "rightouter" => "RIGHT JOIN", "fullouter" => "FULL JOIN", _ => "JOIN" };
        return new Relation($"SELECT {leftColumns}, {string.Join(", ", rightColumns)} FROM ({leftSql}) AS {la} {joinKeyword} ({rightSql}) AS {ra} ON {on}", output);
    }

    private string Unflattened(string sql) => $"SELECT * FROM ({sql}) AS {NextAlias()} LIMIT -1";

    /// <summary>A join key: a column name of that side, or <c>$left.X</c>/<c>$right.X</c>.</summary>
    private static PlanColumn JoinSide(Expr key, string side, Relation relation)
    {
        var name = key switch
        {
            NameExpr n => n,
            MemberExpr { Target: NameExpr { Name: var s } } m when s == side => new NameExpr(m.Member, m.Position),
            MemberExpr { Target: NameExpr { Name: "$left" or "$right" } } m =>
                throw KqlErrors.Semantic(m.Position, $"expected {side}.<column> on this side of '=='"),
            _ => throw KqlErrors.Semantic(key.Position, "join keys must be column names or $left.<column> == $right.<column>"),
        };
        return relation.Find(name.Name)
            ?? throw KqlErrors.Semantic(name.Position, $"failed to resolve column named '{name.Name}' on the {side[1..]} side of the join");
    }

    /// <summary>union (outer): columns by name in order of first appearance; a missing column is null in that branch.</summary>
    private Relation BindUnion(IReadOnlyList<Relation> branches, string? withSource, IReadOnlyList<TabularSource>? sources)
    {
        var columns = new List<PlanColumn>();
        foreach (var column in branches.SelectMany(b => b.Columns))
        {
            var existing = columns.Find(c => c.Name == column.Name);
            if (existing is null)
            {
                columns.Add(column);
            }
            else if (existing.Type != column.Type)
            {
                throw KqlErrors.Unsupported(default, $"union of column '{column.Name}' with types {existing.Type.KqlName()} and {column.Type.KqlName()}");
            }
        }

        var selects = branches.Select((branch, i) =>
        {
            var list = columns.Select(c => branch.Find(c.Name) is null ? $"NULL AS {Q(c.Name)}" : Q(c.Name));
            if (withSource is not null)
            {
                var sourceName = branch.SourceTable ?? (sources?[i] as NamedSource)?.Name ?? "union_arg" + i;
                list = list.Prepend($"{Parameter(sourceName)} AS {Q(withSource)}");
            }

            return $"SELECT {string.Join(", ", list)} FROM ({branch.Sql}) AS {NextAlias()}";
        });
        var output = withSource is null ? columns : [new PlanColumn(withSource, KqlType.String), .. columns];
        return new Relation(string.Join(" UNION ALL ", selects), output);
    }

    private Relation BindSearchSource(SearchSource search)
    {
        if (search.Tables is not null)
        {
            return BindUnion([.. search.Tables.Select(t => Search(BindSource(t), search.Predicate, search.Position))], "$table", search.Tables);
        }

        // Over all tables, a predicate applies to the tables that have its columns, as in Kusto.
        var filtered = new List<Relation>();
        foreach (var table in _schema.Tables)
        {
            try
            {
                filtered.Add(Search(TableScan(table), search.Predicate, search.Position));
            }
            catch (DefenderErrorException) when (search.Predicate is not LiteralExpr)
            {
            }
        }

        return filtered.Count > 0
            ? BindUnion(filtered, "$table", null)
            : throw KqlErrors.Semantic(search.Position, "the search predicate names columns that no table has");
    }

    /// <summary>search: a bare string is a term looked up (with 'has') in every string and dynamic column; anything else is a predicate.</summary>
    private Relation Search(Relation input, Expr predicate, SourcePosition at)
    {
        if (predicate is not LiteralExpr { Value: string term })
        {
            var where = Where(input, new WhereOperator(predicate, at));
            return new Relation(where.Sql, where.Columns, input.SourceTable);
        }

        var termParameter = Parameter(term);
        var searchable = input.Columns.Where(c => c.Type is KqlType.String or KqlType.Dynamic).ToList();
        var condition = searchable.Count == 0
            ? "0"
            : string.Join(" OR ", searchable.Select(c => $"{HuntingSqlFunctions.Has}({Q(c.Name)}, {termParameter}, 0, 0)"));
        return new Relation($"SELECT {SelectList(input.Columns)} FROM ({input.Sql}) AS {NextAlias()} WHERE {condition}", input.Columns, input.SourceTable);
    }
}
