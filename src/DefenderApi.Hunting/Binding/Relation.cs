using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Binding;

/// <summary>A typed SQL scalar expression: the node of the bound (logical) expression tree, already rendered.</summary>
/// <param name="Sql">SQL text; it contains only quoted validated identifiers, parameter names and fixed SQL.</param>
/// <param name="Type">The KQL type of the value.</param>
internal sealed record TypedSql(string Sql, KqlType Type);

/// <summary>One output column of a plan step.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
public sealed record PlanColumn(string Name, KqlType Type);

/// <summary>
/// One step of the logical plan: a relation with a typed column list and the SELECT that produces it.
/// Every step selects from the previous step as a subquery, so each operator's SQL is local and checkable.
/// </summary>
internal sealed class Relation(string sql, IReadOnlyList<PlanColumn> columns, string? sourceTable = null, RowOrder? order = null)
{
    /// <summary>The order a sort gave the rows, kept while later steps keep its columns (for row_number, prev and next).</summary>
    public RowOrder? Order { get; } = order;

    public string Sql { get; } = sql;

    public IReadOnlyList<PlanColumn> Columns { get; } = columns;

    /// <summary>The table this relation reads directly, for <c>withsource</c> and <c>$table</c>.</summary>
    public string? SourceTable { get; } = sourceTable;

    public PlanColumn? Find(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>A sort order over named columns: the ORDER BY text and the columns it reads.</summary>
/// <param name="OrderBy">The ORDER BY list.</param>
/// <param name="Columns">The columns it names.</param>
internal sealed record RowOrder(string OrderBy, IReadOnlyList<string> Columns);
