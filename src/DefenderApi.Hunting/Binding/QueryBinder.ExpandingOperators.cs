using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>mv-expand (SQLite's json_each), parse/parse-where (one regular expression per row) and project-keep/-reorder.</summary>
internal sealed partial class QueryBinder
{
    /// <summary>
    /// mv-expand: one row per element. As documented, a null value gives one row with null, an empty array or bag none,
    /// a scalar one row; several columns expand in parallel with nulls for the shorter ones.
    /// </summary>
    private Relation MvExpand(Relation input, MvExpandOperator mvExpand)
    {
        var items = mvExpand.Items.Select(item =>
        {
            var bound = BindScalar(item.Value, input);
            if (bound.Type != KqlType.Dynamic)
            {
                throw KqlErrors.Semantic(item.Value.Position, $"mv-expand needs a dynamic array or property bag, but the expression is {bound.Type.KqlName()}");
            }

            var name = item.Name ?? InferName(item.Value)
                ?? throw KqlErrors.Semantic(item.Value.Position, "name the expanded expression (Name = expression)");
            return (Name: name, Value: bound, item.To);
        }).ToList();
        if (items.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw KqlErrors.Semantic(mvExpand.Position, "mv-expand names a column twice");
        }

        var (a, j) = (NextAlias(), NextAlias());
        var hidden = items.Select((_, n) => $"{a}.{Q($"#mv{n}")}").ToList();
        var inner = $"SELECT *{string.Concat(items.Select((item, n) => $", {item.Value.Sql} AS {Q($"#mv{n}")}"))} FROM ({input.Sql}) AS {NextAlias()}";
        string from;
        string index;
        List<string> values;
        var typedValues = new List<string>();
        if (items.Count == 1)
        {
            // One column: json_each walks the value itself, the fast path. It gives a top-level scalar (JSON null
            // included) as one row without a key, so only SQL NULL needs a stand-in; the value is named once, because
            // SQLite flattens the inner query and would evaluate the expression behind it (split(), say) at every
            // mention.
            from = $"({inner}) AS {a} JOIN json_each(coalesce({hidden[0]}, 'null')) AS {j}";
            index = $"(CASE WHEN typeof({j}.key) = 'integer' THEN {j}.key WHEN {j}.key IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM json_each({hidden[0]}) AS k WHERE k.id < {j}.id) END)";
            var element = $"(CASE {j}.type WHEN 'object' THEN {j}.value WHEN 'array' THEN {j}.value WHEN 'null' THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_quote({j}.value) END)";
            var pair = mvExpand.BagAsArray ? $"json_array({j}.key, json({element}))" : $"json_object({j}.key, json({element}))";
            values = [$"(CASE WHEN typeof({j}.key) = 'text' THEN {pair} ELSE {element} END)"];
            typedValues = [TypedElement(j, items[0].To) ?? Typed(values[0], items[0].To)];
        }
        else
        {
            var counts = string.Join(", ", hidden.Select(h => $"{HuntingSqlFunctions.MvCount}({h})"));
            from = $"({inner}) AS {a} JOIN json_each({HuntingSqlFunctions.Series}(max({counts}))) AS {j}";
            index = $"{j}.value";
            var mode = mvExpand.BagAsArray ? 1 : 0;
            values = [.. hidden.Select(h => $"{HuntingSqlFunctions.MvItem}({h}, {j}.value, {mode})")];
            typedValues = [.. values.Select((value, n) => Typed(value, items[n].To))];
        }

        var output = new List<(PlanColumn Column, string Sql)>();
        var expanded = items.Select((item, n) => (item.Name, Sql: typedValues[n], Type: item.To ?? KqlType.Dynamic)).ToList();
        foreach (var column in input.Columns)
        {
            var replacement = expanded.FindIndex(e => e.Name == column.Name);
            output.Add(replacement < 0
                ? (column, $"{a}.{Q(column.Name)}")
                : (new PlanColumn(column.Name, expanded[replacement].Type), expanded[replacement].Sql));
        }

        output.AddRange(expanded.Where(e => input.Find(e.Name) is null).Select(e => (new PlanColumn(e.Name, e.Type), e.Sql)));
        if (mvExpand.IndexColumn is { } indexColumn)
        {
            output.RemoveAll(o => o.Column.Name == indexColumn);
            output.Add((new PlanColumn(indexColumn, KqlType.Long), index));
        }

        var limit = mvExpand.Limit is null ? string.Empty : $" WHERE {index} < {RowCount(mvExpand.Limit)}";
        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        return new Relation($"SELECT {select} FROM {from}{limit}", [.. output.Select(o => o.Column)]);
    }

    /// <summary>
    /// <c>to typeof(t)</c> of the one-column path, read straight from <c>json_each</c>'s type and value: the same answer
    /// as <see cref="Typed"/> over the element's JSON (a bag's key/value pair is never of a scalar type; an element is
    /// of type t exactly when json_each says so), without building and re-parsing JSON for every expanded row, which
    /// was most of a large mv-expand's time. <see langword="null"/> for dynamic (nothing to convert).
    /// </summary>
    private static string? TypedElement(string j, KqlType? to)
    {
        var element = $"typeof({j}.key) <> 'text' AND {j}.type";
        return to switch
        {
            KqlType.String => $"(CASE WHEN {element} = 'text' THEN {j}.value END)",
            KqlType.Long or KqlType.Int => $"(CASE WHEN {element} = 'integer' THEN {j}.value END)",
            KqlType.Real => $"(CASE WHEN {element} IN ('integer', 'real') THEN CAST({j}.value AS REAL) END)",
            KqlType.Bool => $"(CASE WHEN {element} = 'true' THEN 1 WHEN {element} = 'false' THEN 0 END)",
            KqlType.DateTime => $"(CASE WHEN {element} = 'text' THEN {HuntingSqlFunctions.ToDateTime}({j}.value) END)",
            KqlType.TimeSpan => $"(CASE WHEN {element} = 'text' THEN {HuntingSqlFunctions.ToTimeSpan}({j}.value) END)",
            _ => null,
        };
    }

    /// <summary><c>to typeof(t)</c> is a cast only: elements of another type become null.</summary>
    private static string Typed(string element, KqlType? to) => to switch
    {
        null or KqlType.Dynamic => element,
        KqlType.String => $"(CASE json_type({element}) WHEN 'text' THEN {element} ->> '$' END)",
        KqlType.Long or KqlType.Int => $"(CASE json_type({element}) WHEN 'integer' THEN {element} ->> '$' END)",
        KqlType.Real => $"(CASE WHEN json_type({element}) IN ('integer', 'real') THEN CAST({element} ->> '$' AS REAL) END)",
        KqlType.Bool => $"(CASE json_type({element}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)",
        KqlType.DateTime => $"(CASE json_type({element}) WHEN 'text' THEN {HuntingSqlFunctions.ToDateTime}({element} ->> '$') END)",
        KqlType.TimeSpan => $"(CASE json_type({element}) WHEN 'text' THEN {HuntingSqlFunctions.ToTimeSpan}({element} ->> '$') END)",
        _ => element,
    };

    private Relation Parse(Relation input, ParseOperator parse)
    {
        var source = BindScalar(parse.Source, input);
        var regex = new StringBuilder("^");
        var columns = new List<(string Name, KqlType Type)>();
        for (var i = 0; i < parse.Parts.Count; i++)
        {
            var part = parse.Parts[i];
            if (part.Literal is { } literal)
            {
                regex.Append(parse.Kind == "regex" ? literal : Regex.Escape(literal));
            }
            else if (part.Column is null)
            {
                regex.Append(".*?");
            }
            else
            {
                columns.Add((part.Column, part.Type));
                var last = i == parse.Parts.Count - 1;
                regex.Append(part.Type switch
                {
                    KqlType.Long or KqlType.Int when parse.Kind != "relaxed" => @"(\-?\d+)",
                    KqlType.Real when parse.Kind != "relaxed" => @"(\-?\d+(?:\.\d+)?(?:[eE][\-+]?\d+)?)",
                    _ => last ? "(.*)" : "(.*?)",
                });
                if (last)
                {
                    regex.Append('$');
                }
            }
        }

        var pattern = regex.ToString();
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw KqlErrors.Semantic(parse.Position, $"the parse pattern is not a valid regular expression: {e.Message}");
        }

        var (a, b) = (NextAlias(), NextAlias());
        var inner = $"SELECT *, {HuntingSqlFunctions.ParseGroups}({Parameter(pattern)}, {ToText(source)}) AS {Q("#parse")} FROM ({input.Sql}) AS {a}";
        var added = columns.Select((c, i) => (Column: new PlanColumn(c.Name, c.Type), Sql: ParsedValue($"({Q("#parse")} ->> '$[{i.ToString(CultureInfo.InvariantCulture)}]')", c.Type))).ToList();
        var byName = added.ToDictionary(x => x.Column.Name, StringComparer.Ordinal);
        var output = input.Columns.Select(c => byName.TryGetValue(c.Name, out var x) ? x : (Column: c, Sql: Q(c.Name))).ToList();
        output.AddRange(added.Where(x => input.Find(x.Column.Name) is null));
        var where = parse.DropUnmatched ? $" WHERE {Q("#parse")} IS NOT NULL" : string.Empty;
        var select = string.Join(", ", output.Select(o => $"{o.Sql} AS {Q(o.Column.Name)}"));
        return new Relation($"SELECT {select} FROM ({inner}) AS {b}{where}", [.. output.Select(o => o.Column)]);
    }

    private static string ParsedValue(string text, KqlType type) => type switch
    {
        KqlType.Long or KqlType.Int => $"{HuntingSqlFunctions.ToLong}({text})",
        KqlType.Real => $"{HuntingSqlFunctions.ToReal}({text})",
        KqlType.DateTime => $"{HuntingSqlFunctions.ToDateTime}({text})",
        KqlType.TimeSpan => $"{HuntingSqlFunctions.ToTimeSpan}({text})",
        KqlType.Bool => $"(CASE lower({text}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)",
        KqlType.Dynamic => $"{HuntingSqlFunctions.ParseJson}({text})",
        _ => text,
    };

    /// <summary>project-keep keeps the named columns in their order; project-reorder moves them first in the order given.</summary>
    private Relation ProjectKeep(Relation input, ProjectKeepOperator keep)
    {
        var named = new List<PlanColumn>();
        foreach (var name in keep.Columns)
        {
            var matches = name.Name.EndsWith('*')
                ? input.Columns.Where(c => c.Name.StartsWith(name.Name[..^1], StringComparison.Ordinal)).ToList()
                : [ResolveColumn(input, name)];
            named.AddRange(matches.Where(m => !named.Contains(m)));
        }

        var columns = keep.Reorder
            ? [.. named, .. input.Columns.Where(c => !named.Contains(c))]
            : input.Columns.Where(named.Contains).ToList();
        return new Relation($"SELECT {SelectList(columns)} FROM ({input.Sql}) AS {NextAlias()}", columns, null, KeptOrder(input, columns));
    }
}
