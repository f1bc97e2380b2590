using DefenderApi.Errors;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>
/// <c>find</c> (Kusto's "find operator" page, https://learn.microsoft.com/kusto/query/find-operator): the rows of every table
/// where the predicate holds, with a column naming the table. A table that lacks a column the predicate reads is left
/// out. Output: project-smart (the default) gives the predicate's columns (one per type, <c>Name_type</c>, where the
/// tables disagree), then the columns every table has with one type, then <c>pack_</c>, a bag of the row's other columns;
/// <c>project c[:t], ...</c> gives the columns named (null where a table lacks one) and, with <c>pack_all()</c>, the bag.
/// </summary>
internal sealed partial class QueryBinder
{
    private const string PackColumn = "pack_";

    /// <summary>json_insert takes one argument per key and per value; SQLite caps a call's arguments (127 by default).</summary>
    private const int PairsPerCall = 40;

    private sealed record FindBranch(string Name, Relation Filtered);

    /// <summary>One output column and, per branch, the column of that branch that fills it (null: the branch has none).</summary>
    private sealed record FindOutput(string Name, KqlType Type, Func<Relation, PlanColumn?> Pick);

    private Relation BindFind(FindSource find)
    {
        var candidates = find.Tables is null
            ? _schema.Tables.Select(t => (t.Name, Relation: TableScan(t))).ToList()
            : find.Tables.Select((source, i) =>
            {
                var relation = BindSource(source);
                return (Name: relation.SourceTable ?? (source as NamedSource)?.Name ?? "find_arg" + i, Relation: relation);
            }).ToList();

        var branches = new List<FindBranch>();
        DefenderErrorException? firstRefusal = null;
        foreach (var (name, relation) in candidates)
        {
            try
            {
                branches.Add(new FindBranch(name, Search(relation, find.Predicate, find.Position)));
            }
            catch (DefenderErrorException e)
            {
                firstRefusal ??= e;
            }
        }

        if (branches.Count == 0)
        {
            throw firstRefusal ?? KqlErrors.Semantic(find.Position, "find has no table to look in");
        }

        var outputs = find.Project is null ? SmartColumns(find, branches) : ProjectedColumns(find, branches);
        if (outputs.Any(o => o.Name == find.WithSource))
        {
            throw KqlErrors.Semantic(find.Position, $"the column '{find.WithSource}' would appear twice; choose another name with withsource=");
        }

        var pack = find.Project is null || find.PackAll;
        var selects = branches.Select(branch =>
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<string> { $"{Parameter(branch.Name)} AS {Q(find.WithSource)}" };
            foreach (var output in outputs)
            {
                var column = output.Pick(branch.Filtered);
                if (column is not null)
                {
                    used.Add(column.Name);
                }

                list.Add(column is null ? $"NULL AS {Q(output.Name)}" : $"{Q(column.Name)} AS {Q(output.Name)}");
            }

            if (pack)
            {
                list.Add($"{PackRest(branch.Filtered.Columns.Where(c => !used.Contains(c.Name)).ToList())} AS {Q(PackColumn)}");
            }

            return $"SELECT {string.Join(", ", list)} FROM ({branch.Filtered.Sql}) AS {NextAlias()}";
        });

        List<PlanColumn> columns = [new(find.WithSource, KqlType.String), .. outputs.Select(o => new PlanColumn(o.Name, o.Type))];
        if (pack)
        {
            columns.Add(new PlanColumn(PackColumn, KqlType.Dynamic));
        }

        return new Relation(string.Join(" UNION ALL ", selects), columns);
    }

    /// <summary>project-smart: the predicate's columns, then the columns every table has with one type.</summary>
    private static List<FindOutput> SmartColumns(FindSource find, List<FindBranch> branches)
    {
        var outputs = new List<FindOutput>();
        foreach (var name in ColumnNames(find.Predicate).Distinct(StringComparer.Ordinal))
        {
            var types = branches.Select(b => b.Filtered.Find(name)?.Type).OfType<KqlType>().Distinct().ToList();
            foreach (var type in types)
            {
                var outputName = types.Count == 1 ? name : $"{name}_{type.KqlName()}";
                outputs.Add(new FindOutput(outputName, type, r => r.Find(name) is { } c && c.Type == type ? c : null));
            }
        }

        foreach (var column in branches[0].Filtered.Columns)
        {
            if (!outputs.Any(o => o.Name == column.Name) && branches.All(b => b.Filtered.Find(column.Name)?.Type == column.Type))
            {
                outputs.Add(new FindOutput(column.Name, column.Type, r => r.Find(column.Name)));
            }
        }

        return outputs;
    }

    /// <summary>project c[:t], ...: each named column; without a type the tables that have it must agree on one.</summary>
    private static List<FindOutput> ProjectedColumns(FindSource find, List<FindBranch> branches)
    {
        var outputs = new List<FindOutput>();
        foreach (var wanted in find.Project!)
        {
            if (outputs.Any(o => o.Name == wanted.Name))
            {
                throw KqlErrors.Semantic(wanted.Position, $"the column '{wanted.Name}' is projected twice");
            }

            var types = branches.Select(b => b.Filtered.Find(wanted.Name)?.Type).OfType<KqlType>().Distinct().ToList();
            var type = wanted.Type ?? types switch
            {
                [] => throw KqlErrors.Semantic(wanted.Position, $"failed to resolve column named '{wanted.Name}' in the tables find looks in"),
                [var only] => only,
                _ => throw KqlErrors.Semantic(wanted.Position,
                    $"the column '{wanted.Name}' has the types {string.Join(", ", types.Select(t => t.KqlName()))} in these tables; name one as '{wanted.Name}:type'"),
            };
            outputs.Add(new FindOutput(wanted.Name, type, r => r.Find(wanted.Name) is { } c && c.Type == type ? c : null));
        }

        return outputs;
    }

    /// <summary>A bag of the given columns (null values kept), built in calls of a bounded number of arguments; keys are parameters.</summary>
    private string PackRest(List<PlanColumn> columns)
    {
        var bag = "json_object()";
        foreach (var chunk in columns.Chunk(PairsPerCall))
        {
            var pairs = chunk.Select(c => $"{Parameter("$.\"" + c.Name + "\"")}, {PackValue(new TypedSql(Q(c.Name), c.Type))}");
            bag = $"json_insert({bag}, {string.Join(", ", pairs)})";
        }

        return bag;
    }

    private static string PackValue(TypedSql value) => value.Type == KqlType.Bool
        ? $"json(CASE WHEN {value.Sql} IS NULL THEN 'null' WHEN {value.Sql} = 0 THEN 'false' ELSE 'true' END)"
        : JsonElement(value);

    /// <summary>The names an expression reads, in order of appearance (columns, and scalar lets, which no table has).</summary>
    private static IEnumerable<string> ColumnNames(Expr expr) => expr switch
    {
        NameExpr name => [name.Name],
        MemberExpr member => ColumnNames(member.Target),
        IndexExpr index => ColumnNames(index.Target).Concat(ColumnNames(index.Index)),
        CallExpr call => call.Arguments.SelectMany(ColumnNames),
        UnaryExpr unary => ColumnNames(unary.Operand),
        BinaryExpr binary => ColumnNames(binary.Left).Concat(ColumnNames(binary.Right)),
        InExpr @in => ColumnNames(@in.Value).Concat(@in.Items.SelectMany(ColumnNames)),
        BetweenExpr between => ColumnNames(between.Value).Concat(ColumnNames(between.Low)).Concat(ColumnNames(between.High)),
        _ => [],
    };
}
