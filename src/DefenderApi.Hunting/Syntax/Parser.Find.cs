using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

/// <summary>The <c>find</c> source (Kusto's "find operator" page, https://learn.microsoft.com/kusto/query/find-operator).</summary>
internal sealed partial class Parser
{
    /// <summary>The default name of the column that names each row's table.</summary>
    public const string FindSourceColumn = "source_";

    private FindSource ParseFind(SourcePosition at)
    {
        var withSource = FindSourceColumn;
        if (Current.Is("withsource") && PeekToken().Is("="))
        {
            _index += 2;
            withSource = ExpectIdentifier("a column name after 'withsource='");
        }

        IReadOnlyList<TabularSource>? tables = null;
        if (TryConsume("in"))
        {
            Expect("(", "'(' and the tables to look in");
            RefuseWildcardTables();
            tables = ParseSourceList();
            Expect(")", "')' to close the table list");
            Expect("where", "'where' and a predicate after find in (...)");
        }
        else
        {
            TryConsume("where");
        }

        var predicate = ParseExpression();
        if (TryConsume("project-smart") || !Current.Is("project"))
        {
            return new FindSource(withSource, tables, predicate, null, false, at);
        }

        Advance();
        var columns = new List<FindColumn>();
        var packAll = false;
        do
        {
            var token = Current;
            if (token.Is("pack_all") && PeekToken().Is("("))
            {
                _index += 2;
                Expect(")", "')' after pack_all(");
                packAll = packAll ? throw KqlErrors.Syntax(token.Position, "pack_all() is given twice") : true;
                continue;
            }

            var name = ExpectIdentifier("a column name or pack_all() in find's project list");
            KqlType? type = TryConsume(":") ? ParseColumnType() : null;
            columns.Add(new FindColumn(name, type, token.Position));
        }
        while (TryConsume(","));

        return new FindSource(withSource, tables, predicate, columns, packAll, at);
    }

    /// <summary>Table names with wildcards (<c>Device*</c>) are refused by name rather than read as a name and a product.</summary>
    private void RefuseWildcardTables()
    {
        for (var i = 0; !PeekToken(i).Is(")") && PeekToken(i).Kind != TokenKind.End; i++)
        {
            if (PeekToken(i).Kind == TokenKind.Identifier && PeekToken(i + 1).Is("*"))
            {
                throw KqlErrors.Unsupported(PeekToken(i).Position, "a wildcard table name in find");
            }
        }
    }
}
