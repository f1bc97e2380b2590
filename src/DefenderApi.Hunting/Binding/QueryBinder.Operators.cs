using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>The tabular operators: each wraps its input relation in one SELECT.</summary>
internal sealed partial class QueryBinder
{
    private Relation BindOperator(Relation input, QueryOperator op) => op switch
    {
        WhereOperator where => Where(input, where),
        ProjectOperator project => Project(input, project.Columns, keepInput: false),
        ExtendOperator extend => Project(input, extend.Columns, keepInput: true),
        ProjectAwayOperator away => ProjectAway(input, away),
        ProjectRenameOperator rename => ProjectRename(input, rename),
        SummarizeOperator summarize => Summarize(input, summarize),
        SortOperator sort => Ordered(input, sort.Keys, limit: null),
        TopOperator top => Ordered(input, top.Keys, RowCount(top.Count)),
        TakeOperator take => new Relation($"SELECT {SelectList(input.Columns)} FROM ({input.Sql}) AS {NextAlias()} LIMIT {RowCount(take.Count)}", input.Columns, null, input.Order),
        DistinctOperator distinct => Distinct(input, distinct),
        CountOperator => new Relation($"SELECT COUNT(*) AS {Q("Count")} FROM ({input.Sql}) AS {NextAlias()}", [new PlanColumn("Count", KqlType.Long)]),
        JoinOperator join => Join(input, join),
        UnionOperator union => BindUnion([input, .. union.Others.Select(BindSource)], union.WithSource, null),
        SearchOperator search => Search(input, search.Predicate, search.Position),
        MvExpandOperator mvExpand => MvExpand(input, mvExpand),
        ParseOperator parse => Parse(input, parse),
        ProjectKeepOperator keep => ProjectKeep(input, keep),
        SerializeOperator serialize => Project(input, serialize.Columns, keepInput: true),
        PassThroughOperator passThrough => PassThrough(input, passThrough),
        InvokeOperator invoke => Invoke(input, invoke),
        TopNestedOperator topNested => TopNested(input, topNested),
        _ => throw new InvalidOperationException("Unknown operator kind."),
    };

    private Relation Where(Relation input, WhereOperator where)
    {
        var predicate = BindPredicate(where.Predicate, input, "where");
        return new Relation($"SELECT {SelectList(input.Columns)} FROM ({input.Sql}) AS {NextAlias()} WHERE {predicate}", input.Columns, null, input.Order);
    }

    private string BindPredicate(Expr expr, Relation scope, string operatorName)
    {
        var predicate = BindScalar(expr, scope);
        if (predicate.Type != KqlType.Bool)
        {
            throw KqlErrors.Semantic(expr.Position, $"the '{operatorName}' predicate must be of type bool, but it is {predicate.Type.KqlName()}");
        }

        return predicate.Sql;
    }

    private string RowCount(Expr count)
    {
        var bound = BindScalar(count, scope: null);
        if (bound.Type is not (KqlType.Long or KqlType.Int))
        {
            throw KqlErrors.Semantic(count.Position, $"the row count must be an integer, but it is {bound.Type.KqlName()}");
        }

        return bound.Sql;
    }

    /// <summary>
    /// project (replace the column list) and extend (add or overwrite columns in place). As in Kusto, an item may use a
    /// column an earlier item of the same operator made; such an item starts a new SELECT over the previous one.
    /// </summary>
    private Relation Project(Relation input, IReadOnlyList<NamedExpr> items, bool keepInput)
    {
        var current = input;
        var batch = new List<(PlanColumn Column, string Sql)>();
        var projected = new List<string>();
        foreach (var item in items)
        {
            if (batch.Count > 0 && ReferencedNames(item.Value).Overlaps(batch.Select(b => b.Column.Name)))
            {
                current = WithColumns(current, batch);
                batch.Clear();
            }

            _windowsAllowed = true;
            TypedSql bound;
            try
            {
                bound = BindScalar(item.Value, current);
            }
            finally
            {
                _windowsAllowed = false;
            }

            var taken = keepInput ? current.Columns.Select(c => c.Name).Concat(batch.Select(b => b.Column.Name)) : projected;
            var name = item.Name ?? InferName(item.Value) ?? UniqueName("Column", taken, alwaysNumber: true);
            if (!keepInput && projected.Contains(name))
            {
                throw KqlErrors.Semantic(item.Value.Position, $"the column '{name}' is projected more than once");
            }

            projected.Add(name);
            batch.RemoveAll(b => b.Column.Name == name);
            batch.Add((new PlanColumn(name, bound.Type), bound.Sql));
        }

        current = WithColumns(current, batch);
        if (keepInput)
        {
            return current;
        }

        var columns = projected.Select(n => current.Find(n)!).ToList();
        return new Relation($"SELECT {SelectList(columns)} FROM ({current.Sql}) AS {NextAlias()}", columns, null, KeptOrder(current, columns));
    }

    /// <summary>The input's columns with these added at the end or, for an existing name, replaced in place.</summary>
    private Relation WithColumns(Relation input, List<(PlanColumn Column, string Sql)> added)
    {
        var byName = added.ToDictionary(a => a.Column.Name, StringComparer.Ordinal);
        var output = input.Columns.Select(c => byName.TryGetValue(c.Name, out var a) ? a : (Column: c, Sql: Q(c.Name))).ToList();
        output.AddRange(added.Where(a => input.Find(a.Column.Name) is null));
        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        var order = input.Order is { } o && !o.Columns.Any(byName.ContainsKey) ? o : null;
        return new Relation($"SELECT {select} FROM ({input.Sql}) AS {NextAlias()}", [.. output.Select(o => o.Column)], null, order);
    }

    /// <summary>The input's order when the output still has every column it reads.</summary>
    private static RowOrder? KeptOrder(Relation input, IReadOnlyList<PlanColumn> output) =>
        input.Order is { } order && order.Columns.All(c => output.Any(o => o.Name == c)) ? order : null;

    /// <summary>Every bare name an expression mentions.</summary>
    private static HashSet<string> ReferencedNames(Expr expr)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Expr e)
        {
            switch (e)
            {
                case NameExpr n: names.Add(n.Name); break;
                case MemberExpr m: Walk(m.Target); break;
                case IndexExpr i: Walk(i.Target); Walk(i.Index); break;
                case CallExpr c: c.Arguments.ToList().ForEach(Walk); break;
                case UnaryExpr u: Walk(u.Operand); break;
                case BinaryExpr b: Walk(b.Left); Walk(b.Right); break;
                case InExpr i: Walk(i.Value); i.Items.ToList().ForEach(Walk); break;
                case BetweenExpr b: Walk(b.Value); Walk(b.Low); Walk(b.High); break;
            }
        }

        Walk(expr);
        return names;
    }

    /// <summary>Kusto's naming of an unnamed projected expression: a column keeps its name, a dynamic path joins its parts with '_'.</summary>
    private static string? InferName(Expr expr) => expr switch
    {
        NameExpr name => name.Name,
        MemberExpr member when InferName(member.Target) is { } target => $"{target}_{member.Member}",
        IndexExpr { Index: LiteralExpr { Value: string key } } index when InferName(index.Target) is { } target => $"{target}_{key}",
        _ => null,
    };

    private PlanColumn ResolveColumn(Relation input, NameExpr name) =>
        input.Find(name.Name) ?? throw KqlErrors.Semantic(name.Position, $"failed to resolve column named '{name.Name}'");

    private Relation ProjectAway(Relation input, ProjectAwayOperator away)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in away.Columns)
        {
            if (name.Name.EndsWith('*'))
            {
                var prefix = name.Name[..^1];
                removed.UnionWith(input.Columns.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.Name));
            }
            else
            {
                removed.Add(ResolveColumn(input, name).Name);
            }
        }

        var kept = input.Columns.Where(c => !removed.Contains(c.Name)).ToList();
        return new Relation($"SELECT {SelectList(kept)} FROM ({input.Sql}) AS {NextAlias()}", kept, null, KeptOrder(input, kept));
    }

    private Relation ProjectRename(Relation input, ProjectRenameOperator rename)
    {
        var newNames = input.Columns.ToDictionary(c => c.Name, c => c.Name, StringComparer.Ordinal);
        foreach (var (newName, old) in rename.Renames)
        {
            newNames[ResolveColumn(input, old).Name] = newName;
        }

        if (newNames.Values.Distinct(StringComparer.Ordinal).Count() != newNames.Count)
        {
            throw KqlErrors.Semantic(rename.Position, "project-rename would produce two columns with the same name");
        }

        var columns = input.Columns.Select(c => new PlanColumn(newNames[c.Name], c.Type)).ToList();
        var select = string.Join(", ", input.Columns.Select(c => $"{Q(c.Name)} AS {Q(newNames[c.Name])}"));
        return new Relation($"SELECT {select} FROM ({input.Sql}) AS {NextAlias()}", columns);
    }

    private Relation Ordered(Relation input, IReadOnlyList<SortKey> keys, string? limit)
    {
        var named = keys.All(k => k.Value is NameExpr n && input.Find(n.Name) is not null);
        var orderBy = string.Join(", ", keys.Select(k =>
        {
            var bound = BindScalar(k.Value, input);
            if (bound.Type == KqlType.Dynamic)
            {
                throw KqlErrors.Semantic(k.Value.Position, "cannot sort by a dynamic value; convert it with tostring(), tolong() or todatetime() first");
            }

            return $"{bound.Sql} {(k.Descending ? "DESC" : "ASC")} NULLS {(k.NullsFirst ? "FIRST" : "LAST")}";
        }));
        var limitClause = limit is null ? string.Empty : $" LIMIT {limit}";
        var order = named ? new RowOrder(orderBy, [.. keys.Select(k => ((NameExpr)k.Value).Name)]) : null;
        return new Relation($"SELECT {SelectList(input.Columns)} FROM ({input.Sql}) AS {NextAlias()} ORDER BY {orderBy}{limitClause}", input.Columns, null, order);
    }

    private Relation Distinct(Relation input, DistinctOperator distinct)
    {
        var columns = distinct.Columns is null ? input.Columns : [.. distinct.Columns.Select(n => ResolveColumn(input, n))];
        return new Relation($"SELECT DISTINCT {SelectList(columns)} FROM ({input.Sql}) AS {NextAlias()}", columns);
    }
}
