using System.Globalization;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>
/// Binds the syntax tree against the schema and turns each step into SQL. Names are resolved here (unknown ones are 400s),
/// types are checked here, and every literal becomes a parameter, so the SQL text never contains user data.
/// </summary>
internal sealed partial class QueryBinder
{
    public const string TenantParameter = "@tenant";
    public const string NowParameter = "@now";
    public const string LookbackParameter = "@lookback";

    private readonly HuntingSchema _schema;
    private readonly List<KeyValuePair<string, object?>> _parameters = [];
    private readonly Dictionary<string, TypedSql> _scalarLets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Relation> _tabularLets = new(StringComparer.Ordinal);
    private int _aliasCounter;

    private QueryBinder(HuntingSchema schema) => _schema = schema;

    public static (Relation Result, IReadOnlyList<KeyValuePair<string, object?>> Parameters) Bind(
        IReadOnlyList<Statement> statements, HuntingSchema schema)
    {
        var binder = new QueryBinder(schema);
        Relation? result = null;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case LetScalar let:
                    binder._tabularLets.Remove(let.Name);
                    binder._functions.Remove(let.Name);
                    binder._scalarLets[let.Name] = binder.BindScalar(let.Value, scope: null);
                    break;
                case LetTabular let:
                    binder._scalarLets.Remove(let.Name);
                    binder._functions.Remove(let.Name);
                    binder._tabularLets[let.Name] = binder.BindPipeline(let.Value);
                    break;
                case LetFunction let:
                    binder._scalarLets.Remove(let.Name);
                    binder._tabularLets.Remove(let.Name);
                    binder._functions[let.Name] = let;
                    break;
                case QueryStatement query:
                    result = binder.BindPipeline(query.Query);
                    break;
            }
        }

        return (result!, binder._parameters);
    }

    private string Parameter(object? value)
    {
        var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }

    private string NextAlias() => "q" + (++_aliasCounter).ToString(CultureInfo.InvariantCulture);

    private static string Q(string identifier) => HuntingDdl.Quote(identifier);

    private Relation BindPipeline(Pipeline pipeline)
    {
        var relation = BindSource(pipeline.Source);
        foreach (var op in pipeline.Operators)
        {
            relation = BindOperator(relation, op);
        }

        return relation;
    }

    private Relation BindSource(TabularSource source) => source switch
    {
        NamedSource named => BindNamedSource(named),
        NestedSource nested => BindPipeline(nested.Query),
        UnionSource union => BindUnion([.. union.Sources.Select(BindSource)], union.WithSource, union.Sources),
        SearchSource search => BindSearchSource(search),
        FindSource find => BindFind(find),
        CallSource call => _functions.TryGetValue(call.Name, out var function)
            ? CallTabularFunction(function, call.Arguments, call.Position, input: null)
            : throw KqlErrors.Semantic(call.Position, $"failed to resolve the tabular function '{call.Name}'"),
        DatatableSource datatable => BindDatatable(datatable),
        PrintSource print => BindPrint(print),
        _ => throw new InvalidOperationException("Unknown source kind."),
    };

    private Relation BindNamedSource(NamedSource named)
    {
        if (_tabularLets.TryGetValue(named.Name, out var let))
        {
            return let;
        }

        var table = _schema.Find(named.Name)
            ?? throw KqlErrors.Semantic(named.Position, $"failed to resolve table or tabular expression named '{named.Name}'");
        return TableScan(table);
    }

    /// <summary>The only place a physical table is read: always filtered to the caller's tenant and the lookback window.</summary>
    private static Relation TableScan(HuntingTable table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Q(c.Name)));
        var lookback = table.IsSnapshot ? string.Empty : $" AND {Q("Timestamp")} >= {LookbackParameter}";
        var sql = $"SELECT {columns} FROM {Q(table.Name)} WHERE {Q(HuntingDdl.TenantColumn)} = {TenantParameter}{lookback}";
        return new Relation(sql, [.. table.Columns.Select(c => new PlanColumn(c.Name, c.Type))], table.Name);
    }

    private static string SelectList(IEnumerable<PlanColumn> columns) => string.Join(", ", columns.Select(c => Q(c.Name)));

    /// <summary>A fresh unique name for an unnamed column, as Kusto does (Column1, Column2, ...).</summary>
    private static string UniqueName(string baseName, IEnumerable<string> taken, bool alwaysNumber = false)
    {
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!alwaysNumber && !set.Contains(baseName))
        {
            return baseName;
        }

        for (var i = 1; ; i++)
        {
            var candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
            if (!set.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
