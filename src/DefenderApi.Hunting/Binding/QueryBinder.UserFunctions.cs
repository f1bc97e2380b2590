using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>
/// User-defined functions (<c>let f = (a:long, T:(*)) { ... }</c>): a call binds its arguments, then binds the body with the
/// parameters in scope, so the function is inlined into the SQL; datatable; invoke.
/// </summary>
internal sealed partial class QueryBinder
{
    private const int MaxCallDepth = 16;

    private readonly Dictionary<string, LetFunction> _functions = new(StringComparer.Ordinal);
    private readonly Stack<Dictionary<string, TypedSql>> _frames = new();

    private bool TryResolveParameter(string name, out TypedSql value)
    {
        if (_frames.TryPeek(out var frame) && frame.TryGetValue(name, out value!))
        {
            return true;
        }

        value = null!;
        return false;
    }

    private TypedSql CallScalarFunction(LetFunction function, CallExpr call, Relation? scope)
    {
        if (function.ScalarBody is null)
        {
            throw KqlErrors.Semantic(call.Position, $"'{function.Name}' is a tabular function; use it as a table, not as a value");
        }

        TypedSql result = null!;
        InFunction(function, call.Arguments, call.Position, scope, null, () => result = BindScalar(function.ScalarBody, scope: null));
        return result;
    }

    private Relation CallTabularFunction(LetFunction function, IReadOnlyList<Expr> arguments, SourcePosition at, Relation? input)
    {
        if (function.TabularBody is null)
        {
            throw KqlErrors.Semantic(at, $"'{function.Name}' is a scalar function; it cannot be used as a table");
        }

        Relation result = null!;
        InFunction(function, arguments, at, null, input, () => result = BindPipeline(function.TabularBody));
        return result;
    }

    /// <summary>Binds the arguments, runs <paramref name="body"/> with the parameters and the body's lets in scope, then restores the outer names.</summary>
    private void InFunction(LetFunction function, IReadOnlyList<Expr> arguments, SourcePosition at, Relation? scope, Relation? input, Action body)
    {
        if (_frames.Count >= MaxCallDepth)
        {
            throw KqlErrors.Semantic(at, $"the function '{function.Name}' calls itself too deeply (recursion is not allowed)");
        }

        var supplied = new List<Expr?>();
        var parameters = function.Parameters;
        var offset = input is null ? 0 : 1;
        if (input is not null && (parameters.Count == 0 || parameters[0].Type is not null))
        {
            throw KqlErrors.Semantic(at, $"invoke needs '{function.Name}' to take a tabular first parameter");
        }

        if (arguments.Count + offset > parameters.Count)
        {
            throw KqlErrors.Semantic(at, $"the function '{function.Name}' expects at most {parameters.Count - offset} argument(s), but got {arguments.Count}");
        }

        var frame = new Dictionary<string, TypedSql>(StringComparer.Ordinal);
        var savedTabular = new Dictionary<string, Relation>(_tabularLets, StringComparer.Ordinal);
        var savedFunctions = new Dictionary<string, LetFunction>(_functions, StringComparer.Ordinal);
        var tabularArguments = new Dictionary<string, Relation>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var argument = i < offset ? null : i - offset < arguments.Count ? arguments[i - offset] : parameter.Default;
            if (parameter.Type is null)
            {
                tabularArguments[parameter.Name] = i < offset ? input! : argument switch
                {
                    TabularArgumentExpr tabular => BindPipeline(tabular.Query),
                    NameExpr name => BindNamedSource(new NamedSource(name.Name, name.Position)),
                    null => throw KqlErrors.Semantic(at, $"the function '{function.Name}' needs a table for its parameter '{parameter.Name}'"),
                    _ => throw KqlErrors.Semantic(argument.Position, $"the parameter '{parameter.Name}' of '{function.Name}' is tabular"),
                };
                continue;
            }

            if (argument is null)
            {
                throw KqlErrors.Semantic(at, $"the function '{function.Name}' needs a value for its parameter '{parameter.Name}'");
            }

            frame[parameter.Name] = ConvertArgument(function, parameter, BindScalar(argument, scope), argument.Position);
        }

        foreach (var (name, relation) in tabularArguments)
        {
            _tabularLets[name] = relation;
        }

        _frames.Push(frame);
        try
        {
            foreach (var let in function.Lets)
            {
                switch (let)
                {
                    case LetScalar scalar:
                        frame[scalar.Name] = BindScalar(scalar.Value, scope: null);
                        break;
                    case LetTabular tabular:
                        _tabularLets[tabular.Name] = BindPipeline(tabular.Value);
                        break;
                    case LetFunction nested:
                        _functions[nested.Name] = nested;
                        break;
                }
            }

            body();
        }
        finally
        {
            _frames.Pop();
            Restore(_tabularLets, savedTabular);
            Restore(_functions, savedFunctions);
        }
    }

    private static void Restore<T>(Dictionary<string, T> target, Dictionary<string, T> saved)
    {
        target.Clear();
        foreach (var (key, value) in saved)
        {
            target[key] = value;
        }
    }

    private static TypedSql ConvertArgument(LetFunction function, FunctionParameter parameter, TypedSql value, SourcePosition at)
    {
        var type = parameter.Type!.Value;
        if (value.Type == type || type == KqlType.Dynamic)
        {
            return type == KqlType.Dynamic && value.Type != KqlType.Dynamic ? new(ToJson(value), KqlType.Dynamic) : value;
        }

        if (type.IsNumeric() && value.Type.IsNumeric())
        {
            return new(type == KqlType.Real ? $"CAST({value.Sql} AS REAL)" : value.Sql, type);
        }

        throw KqlErrors.Semantic(at, $"the parameter '{parameter.Name}' of '{function.Name}' is {type.KqlName()}, but the argument is {value.Type.KqlName()}");
    }

    private Relation BindDatatable(DatatableSource table)
    {
        var width = table.Columns.Count;
        if (table.Values.Count % width != 0)
        {
            throw KqlErrors.Semantic(table.Position, $"the datatable has {width} column(s) but {table.Values.Count} value(s), which is not a whole number of rows");
        }

        var columns = table.Columns.Select(c => new PlanColumn(c.Name, c.Type)).ToList();
        if (columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != width)
        {
            throw KqlErrors.Semantic(table.Position, "the datatable names a column twice");
        }

        var names = string.Join(", ", columns.Select((c, i) => $"column{i + 1} AS {Q(c.Name)}"));
        if (table.Values.Count == 0)
        {
            return new Relation($"SELECT {string.Join(", ", columns.Select(c => $"NULL AS {Q(c.Name)}"))} WHERE 0", columns);
        }

        var rows = new List<string>();
        for (var row = 0; row < table.Values.Count / width; row++)
        {
            var cells = new List<string>();
            for (var i = 0; i < width; i++)
            {
                var expr = table.Values[(row * width) + i];
                cells.Add(DatatableCell(BindScalar(expr, scope: null), columns[i], expr.Position));
            }

            rows.Add($"({string.Join(", ", cells)})");
        }

        return new Relation($"SELECT {names} FROM (VALUES {string.Join(", ", rows)})", columns);
    }

    private static string DatatableCell(TypedSql value, PlanColumn column, SourcePosition at)
    {
        if (value.Type == column.Type || (column.Type is KqlType.Long or KqlType.Int && value.Type is KqlType.Long or KqlType.Int))
        {
            return value.Sql;
        }

        return column.Type switch
        {
            KqlType.Real when value.Type.IsNumeric() => $"CAST({value.Sql} AS REAL)",
            KqlType.Dynamic => ToJson(value),
            _ => throw KqlErrors.Semantic(at, $"the datatable column '{column.Name}' is {column.Type.KqlName()}, but this value is {value.Type.KqlName()}"),
        };
    }

    private Relation BindPrint(PrintSource print)
    {
        var columns = new List<(PlanColumn Column, string Sql)>();
        foreach (var (item, i) in print.Columns.Select((c, i) => (c, i)))
        {
            var bound = BindScalar(item.Value, scope: null);
            var name = item.Name ?? InferName(item.Value) ?? $"print_{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            if (columns.Any(c => c.Column.Name == name))
            {
                throw KqlErrors.Semantic(item.Value.Position, $"print names the column '{name}' twice");
            }

            columns.Add((new PlanColumn(name, bound.Type), bound.Sql));
        }

        return new Relation($"SELECT {string.Join(", ", columns.Select(c => $"{c.Sql} AS {Q(c.Column.Name)}"))}", [.. columns.Select(c => c.Column)]);
    }

    private Relation PassThrough(Relation input, PassThroughOperator op)
    {
        if (op.Alias is not null)
        {
            _tabularLets[op.Alias] = input;
        }

        return input;
    }

    private Relation Invoke(Relation input, InvokeOperator invoke) =>
        _functions.TryGetValue(invoke.Function, out var function)
            ? CallTabularFunction(function, invoke.Arguments, invoke.Position, input)
            : throw KqlErrors.Semantic(invoke.Position, $"failed to resolve the function '{invoke.Function}' for invoke");

    /// <summary>A value as JSON text, the storage form of dynamic.</summary>
    private static string ToJson(TypedSql value) => value.Type switch
    {
        KqlType.Dynamic => value.Sql,
        KqlType.Bool => $"(CASE {value.Sql} WHEN 0 THEN 'false' WHEN 1 THEN 'true' END)",
        KqlType.String or KqlType.DateTime or KqlType.TimeSpan => $"json_quote({ToText(value)})",
        _ => $"json_quote({value.Sql})",
    };
}
