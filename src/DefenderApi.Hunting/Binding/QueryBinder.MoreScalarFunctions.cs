using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting.Binding;

/// <summary>The scalar functions beyond the basic set: dynamic building, text, encodings, IPs, calendar, math and windows.</summary>
internal sealed partial class QueryBinder
{
    private bool _windowsAllowed;

    private TypedSql BindMoreCall(CallExpr call, List<TypedSql> args, Relation? scope) => call.Name switch
    {
        "pack_array" => new($"json_array({string.Join(", ", args.Select(JsonElement))})", KqlType.Dynamic),
        "pack" or "bag_pack" => Pack(call, args),
        "countof" => new($"{HuntingSqlFunctions.CountOf}({ToText(ArityRange(call, args, 2, 3)[0])}, {ToText(args[1])}, {(args.Count == 3 ? RegexKind(call) : "0")})", KqlType.Long),
        "parse_url" or "parseurl" => new($"{HuntingSqlFunctions.ParseUrl}({ToText(Arity(call, args, 1)[0])})", KqlType.Dynamic),
        "parse_path" => new($"{HuntingSqlFunctions.ParsePath}({ToText(Arity(call, args, 1)[0])})", KqlType.Dynamic),
        "base64_encode_tostring" or "base64_decode_tostring" or "url_encode" or "url_encode_component" or "url_decode"
            or "hash_sha256" or "hash_sha1" or "hash_md5" or "reverse" => new(Encoding(call, Arity(call, args, 1)[0]), KqlType.String),
        "base64_decode_toarray" => new(Encoding(call, Arity(call, args, 1)[0]), KqlType.Dynamic),
        "datetime_add" => new($"{HuntingSqlFunctions.DateTimeAdd}({Require(call, Arity(call, args, 3)[0], 0, KqlType.String)}, {Require(call, args[1], 1, KqlType.Long)}, {Require(call, args[2], 2, KqlType.DateTime)})", KqlType.DateTime),
        "datetime_diff" => new($"{HuntingSqlFunctions.DateTimeDiff}({Require(call, Arity(call, args, 3)[0], 0, KqlType.String)}, {Require(call, args[1], 1, KqlType.DateTime)}, {Require(call, args[2], 2, KqlType.DateTime)})", KqlType.Long),
        "datetime_part" => DatePart(call, Require(call, Arity(call, args, 2)[0], 0, KqlType.String), args[1], 1),
        "getyear" => DatePart(call, "'year'", Arity(call, args, 1)[0], 0),
        "getmonth" or "monthofyear" => DatePart(call, "'month'", Arity(call, args, 1)[0], 0),
        "dayofmonth" => DatePart(call, "'day'", Arity(call, args, 1)[0], 0),
        "dayofyear" => DatePart(call, "'dayofyear'", Arity(call, args, 1)[0], 0),
        "hourofday" => DatePart(call, "'hour'", Arity(call, args, 1)[0], 0),
        "weekofyear" or "week_of_year" => DatePart(call, "'week_of_year'", Arity(call, args, 1)[0], 0),
        "dayofweek" => new($"(((({Require(call, Arity(call, args, 1)[0], 0, KqlType.DateTime)} / {TimeSpan.TicksPerDay}) + 1) % 7) * {TimeSpan.TicksPerDay})", KqlType.TimeSpan),
        "startofweek" or "startofmonth" or "startofyear" or "endofday" or "endofweek" or "endofmonth" or "endofyear" => StartOf(call, ArityRange(call, args, 1, 2)),
        "format_datetime" => new($"{HuntingSqlFunctions.FormatDateTime}({Require(call, Arity(call, args, 2)[0], 0, KqlType.DateTime)}, {Require(call, args[1], 1, KqlType.String)})", KqlType.String),
        "bin_at" => BinAt(call, Arity(call, args, 3)),
        "make_datetime" => MakeDateTime(call, ArityRange(call, args, 3, 6)),
        "unixtime_seconds_todatetime" => FromUnix(call, args, 10_000_000),
        "unixtime_milliseconds_todatetime" => FromUnix(call, args, 10_000),
        "unixtime_microseconds_todatetime" => FromUnix(call, args, 10),
        "totimespan" or "totime" => ToTimeSpanValue(Arity(call, args, 1)[0]),
        "tobool" or "toboolean" => ToBoolValue(Arity(call, args, 1)[0]),
        "todecimal" => Convert(Arity(call, args, 1)[0], KqlType.Real),
        "array_concat" => new($"{HuntingSqlFunctions.ArrayFunction}('concat', {string.Join(", ", Dynamics(call, ArityRange(call, args, 2, 2)))}, NULL)", KqlType.Dynamic),
        "array_slice" => new($"{HuntingSqlFunctions.ArrayFunction}('slice', {Require(call, Arity(call, args, 3)[0], 0, KqlType.Dynamic)}, CAST({Numeric(call, args[1], 1)} AS TEXT), {Numeric(call, args[2], 2)})", KqlType.Dynamic),
        "array_sort_asc" or "array_sort_desc" or "array_reverse" => new($"{HuntingSqlFunctions.ArrayFunction}({Parameter(call.Name[6..])}, {Require(call, Arity(call, args, 1)[0], 0, KqlType.Dynamic)}, NULL, NULL)", KqlType.Dynamic),
        "set_union" or "set_intersect" or "set_difference" => SetOperation(call, ArityRange(call, args, 2, 64)),
        "set_has_element" => Bool($"coalesce(({ToText(Arity(call, args, 2)[1])} IN (SELECT CAST(value AS TEXT) FROM json_each({Require(call, args[0], 0, KqlType.Dynamic)}))), 0)"),
        "array_index_of" => new($"(CASE WHEN {Require(call, Arity(call, args, 2)[0], 0, KqlType.Dynamic)} IS NULL THEN NULL ELSE coalesce((SELECT MIN(key) FROM json_each({args[0].Sql}) WHERE CAST(value AS TEXT) = {ToText(args[1])}), -1) END)", KqlType.Long),
        "array_sum" => new($"(SELECT SUM(value) FROM json_each({Require(call, Arity(call, args, 1)[0], 0, KqlType.Dynamic)}))", KqlType.Real),
        "bag_keys" => new($"{HuntingSqlFunctions.BagKeys}({Require(call, Arity(call, args, 1)[0], 0, KqlType.Dynamic)})", KqlType.Dynamic),
        "bag_has_key" => BagHasKey(call, Arity(call, args, 2)),
        "extract_all" => ExtractAll(call, Arity(call, args, 2)),
        "split" when args.Count == 3 => new($"{HuntingSqlFunctions.ArrayFunction}('slice', {HuntingSqlFunctions.Split}({ToText(args[0])}, {ToText(args[1])}), CAST({Numeric(call, args[2], 2)} AS TEXT), {args[2].Sql})", KqlType.Dynamic),
        "strcat_array" => new($"{HuntingSqlFunctions.StrcatArray}({Require(call, Arity(call, args, 2)[0], 0, KqlType.Dynamic)}, {ToText(args[1])})", KqlType.String),
        "strcat_delim" => new($"({string.Join($" || {ToText(ArityRange(call, args, 3, 64)[0])} || ", args.Skip(1).Select(a => $"coalesce({ToText(a)}, '')"))})", KqlType.String),
        "ipv4_is_private" => Bool($"{HuntingSqlFunctions.Ipv4}('is_private', {ToText(Arity(call, args, 1)[0])}, NULL)"),
        "ipv4_is_in_range" => Bool($"{HuntingSqlFunctions.Ipv4}('in_range', {ToText(Arity(call, args, 2)[0])}, {ToText(args[1])})"),
        "ipv4_is_match" => Bool($"{HuntingSqlFunctions.Ipv4}('is_match', {ToText(Arity(call, args, 2)[0])}, {ToText(args[1])})"),
        "ipv4_compare" => new($"{HuntingSqlFunctions.Ipv4}('compare', {ToText(Arity(call, args, 2)[0])}, {ToText(args[1])})", KqlType.Long),
        "parse_ipv4" => new($"{HuntingSqlFunctions.Ipv4}('parse', {ToText(Arity(call, args, 1)[0])}, NULL)", KqlType.Long),
        "replace_string" => new($"replace({ToText(Arity(call, args, 3)[0])}, {ToText(args[1])}, {ToText(args[2])})", KqlType.String),
        "replace_regex" => ReplaceRegex(call, Arity(call, args, 3), text: 0, pattern: 1, replacement: 2),
        "replace" => ReplaceRegex(call, Arity(call, args, 3), text: 2, pattern: 0, replacement: 1),
        "trim" or "trim_start" or "trim_end" => TrimRegex(call, Arity(call, args, 2)),
        "indexof" => new($"(instr({ToText(Arity(call, args, 2)[0])}, {ToText(args[1])}) - 1)", KqlType.Long),
        "abs" => new($"abs({Numeric(call, Arity(call, args, 1)[0], 0)})", args[0].Type),
        "sqrt" or "log" or "log10" or "log2" or "exp" or "exp2" or "exp10" or "ceiling" => MathOf(call, Arity(call, args, 1)[0], null),
        "pow" => MathOf(call, Arity(call, args, 2)[0], args[1]),
        "min_of" or "max_of" => MinMaxOf(call, ArityRange(call, args, 2, 64)),
        "binary_and" => new($"({Numeric(call, Arity(call, args, 2)[0], 0)} & {Numeric(call, args[1], 1)})", KqlType.Long),
        "binary_or" => new($"({Numeric(call, Arity(call, args, 2)[0], 0)} | {Numeric(call, args[1], 1)})", KqlType.Long),
        "binary_xor" => new($"(({Numeric(call, Arity(call, args, 2)[0], 0)} | {Numeric(call, args[1], 1)}) - ({args[0].Sql} & {args[1].Sql}))", KqlType.Long),
        "binary_not" => new($"(~{Numeric(call, Arity(call, args, 1)[0], 0)})", KqlType.Long),
        "binary_shift_left" => new($"({Numeric(call, Arity(call, args, 2)[0], 0)} << {Numeric(call, args[1], 1)})", KqlType.Long),
        "binary_shift_right" => new($"({Numeric(call, Arity(call, args, 2)[0], 0)} >> {Numeric(call, args[1], 1)})", KqlType.Long),
        "tohex" => new($"printf('%x', {Numeric(call, ArityRange(call, args, 1, 1)[0], 0)})", KqlType.String),
        "strcmp" => new($"(CASE WHEN {ToText(Arity(call, args, 2)[0])} < {ToText(args[1])} THEN -1 WHEN {ToText(args[0])} > {ToText(args[1])} THEN 1 ELSE 0 END)", KqlType.Long),
        "column_ifexists" => ColumnIfExists(call, Arity(call, args, 2), scope),
        "row_number" or "prev" or "next" or "row_cumsum" => Window(call, args, scope),
        _ => throw KqlErrors.Semantic(call.Position, $"unknown function '{call.Name}'"),
    };

    private static IEnumerable<string> Dynamics(CallExpr call, List<TypedSql> args) => args.Select((a, i) => Require(call, a, i, KqlType.Dynamic));

    private static TypedSql Pack(CallExpr call, List<TypedSql> args)
    {
        if (args.Count % 2 != 0)
        {
            throw KqlErrors.Semantic(call.Position, $"'{call.Name}' expects key/value pairs");
        }

        var pairs = new List<string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            pairs.Add($"{Require(call, args[i], i, KqlType.String)}, {JsonElement(args[i + 1])}");
        }

        return new($"json_object({string.Join(", ", pairs)})", KqlType.Dynamic);
    }

    private static string RegexKind(CallExpr call) => call.Arguments[2] switch
    {
        LiteralExpr { Value: "regex" } => "1",
        LiteralExpr { Value: "normal" } => "0",
        var other => throw KqlErrors.Semantic(other.Position, "the kind of 'countof' must be the constant 'normal' or 'regex'"),
    };

    private string Encoding(CallExpr call, TypedSql arg) => $"{HuntingSqlFunctions.Encoding}({Parameter(call.Name)}, {ToText(arg)})";

    private static TypedSql DatePart(CallExpr call, string part, TypedSql value, int index) =>
        new($"{HuntingSqlFunctions.DateTimePart}({part}, {Require(call, value, index, KqlType.DateTime)})", KqlType.Int);

    private TypedSql StartOf(CallExpr call, List<TypedSql> args)
    {
        var unit = call.Name.StartsWith("end", StringComparison.Ordinal) ? "end" + call.Name[5..] : call.Name[7..];
        var offset = args.Count == 2 ? Numeric(call, args[1], 1) : "0";
        return new($"{HuntingSqlFunctions.StartOf}({Parameter(unit)}, {Require(call, args[0], 0, KqlType.DateTime)}, {offset})", KqlType.DateTime);
    }

    /// <summary>bin_at(v, size, fixed): bins aligned on <c>fixed</c>, with floor (not truncating) division so earlier values bin down.</summary>
    private static TypedSql BinAt(CallExpr call, List<TypedSql> args)
    {
        var (value, size, anchor) = (args[0], args[1], args[2]);
        var integral = value.Type is KqlType.DateTime or KqlType.TimeSpan or KqlType.Long or KqlType.Int;
        if (!integral && value.Type != KqlType.Real || anchor.Type != value.Type && !(anchor.Type.IsNumeric() && value.Type.IsNumeric()))
        {
            throw KqlErrors.Semantic(call.Position, $"'bin_at' needs a value and a fixed point of one type, but got {value.Type.KqlName()} and {anchor.Type.KqlName()}");
        }

        if (!integral)
        {
            return new($"({anchor.Sql} + {HuntingSqlFunctions.MathFunction}('floor', ({value.Sql} - {anchor.Sql}) / CAST({size.Sql} AS REAL), NULL) * {size.Sql})", KqlType.Real);
        }

        var offset = $"({value.Sql} - {anchor.Sql})";
        return new($"({value.Sql} - ((({offset} % {size.Sql}) + {size.Sql}) % {size.Sql}))", value.Type == KqlType.Int ? KqlType.Long : value.Type);
    }

    private static TypedSql MakeDateTime(CallExpr call, List<TypedSql> args)
    {
        var parts = Enumerable.Range(0, 6).Select(i => i < args.Count ? Numeric(call, args[i], i) : "NULL");
        return new($"{HuntingSqlFunctions.MakeDateTime}({string.Join(", ", parts)})", KqlType.DateTime);
    }

    private static TypedSql FromUnix(CallExpr call, List<TypedSql> args, long ticksPerUnit) =>
        new($"(CAST({Numeric(call, Arity(call, args, 1)[0], 0)} * {ticksPerUnit} AS INTEGER) + {DateTime.UnixEpoch.Ticks})", KqlType.DateTime);

    private static TypedSql ToTimeSpanValue(TypedSql arg) => arg.Type switch
    {
        KqlType.TimeSpan => arg,
        KqlType.Dynamic => new($"{HuntingSqlFunctions.ToTimeSpan}(({arg.Sql} ->> '$'))", KqlType.TimeSpan),
        _ => new($"{HuntingSqlFunctions.ToTimeSpan}({arg.Sql})", KqlType.TimeSpan),
    };

    private static TypedSql ToBoolValue(TypedSql arg) => arg.Type switch
    {
        KqlType.Bool => arg,
        KqlType.Dynamic => Bool($"{HuntingSqlFunctions.ToBool}(({arg.Sql} ->> '$'))"),
        _ => Bool($"{HuntingSqlFunctions.ToBool}({arg.Sql})"),
    };

    private static TypedSql SetOperation(CallExpr call, List<TypedSql> args)
    {
        var sql = Require(call, args[0], 0, KqlType.Dynamic);
        for (var i = 1; i < args.Count; i++)
        {
            sql = $"{HuntingSqlFunctions.ArrayFunction}('{call.Name}', {sql}, {Require(call, args[i], i, KqlType.Dynamic)}, NULL)";
        }

        return new(sql, KqlType.Dynamic);
    }

    private TypedSql BagHasKey(CallExpr call, List<TypedSql> args)
    {
        if (call.Arguments[1] is not LiteralExpr { Value: string key } || key.Contains('"', StringComparison.Ordinal))
        {
            throw KqlErrors.Semantic(call.Arguments[1].Position, "the key of 'bag_has_key' must be a constant string without quotes");
        }

        return Bool($"(({Require(call, args[0], 0, KqlType.Dynamic)} -> {Parameter($"$.\"{key}\"")}) IS NOT NULL)");
    }

    private TypedSql ExtractAll(CallExpr call, List<TypedSql> args)
    {
        if (call.Arguments[0] is not LiteralExpr { Value: string })
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, "the pattern of 'extract_all' must be a constant string");
        }

        MatchesRegex(args[1], call.Arguments[0]);
        return new($"{HuntingSqlFunctions.ExtractAll}({args[0].Sql}, {ToText(args[1])})", KqlType.Dynamic);
    }

    private TypedSql ReplaceRegex(CallExpr call, List<TypedSql> args, int text, int pattern, int replacement)
    {
        if (call.Arguments[pattern] is not LiteralExpr { Value: string })
        {
            throw KqlErrors.Semantic(call.Arguments[pattern].Position, $"the pattern of '{call.Name}' must be a constant string");
        }

        MatchesRegex(args[text], call.Arguments[pattern]);
        return new($"{HuntingSqlFunctions.ReplaceRegex}({ToText(args[text])}, {args[pattern].Sql}, {ToText(args[replacement])})", KqlType.String);
    }

    private TypedSql TrimRegex(CallExpr call, List<TypedSql> args)
    {
        if (call.Arguments[0] is not LiteralExpr { Value: string })
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, $"the pattern of '{call.Name}' must be a constant string");
        }

        MatchesRegex(args[1], call.Arguments[0]);
        var mode = call.Name switch { "trim_start" => 1, "trim_end" => 2, _ => 0 };
        return new($"{HuntingSqlFunctions.Trim}({mode}, {args[0].Sql}, {ToText(args[1])})", KqlType.String);
    }

    private TypedSql MathOf(CallExpr call, TypedSql x, TypedSql? y) =>
        new($"{HuntingSqlFunctions.MathFunction}({Parameter(call.Name)}, {Numeric(call, x, 0)}, {(y is null ? "NULL" : Numeric(call, y, 1))})", KqlType.Real);

    /// <summary>min_of/max_of: nulls are ignored, as documented.</summary>
    private static TypedSql MinMaxOf(CallExpr call, List<TypedSql> args)
    {
        var type = UnifyTypes(call, args);
        var function = call.Name == "min_of" ? "min" : "max";
        var sql = args[0].Sql;
        foreach (var arg in args.Skip(1))
        {
            sql = $"(CASE WHEN {sql} IS NULL THEN {arg.Sql} WHEN {arg.Sql} IS NULL THEN {sql} ELSE {function}({sql}, {arg.Sql}) END)";
        }

        return new(sql, type);
    }

    private static TypedSql ColumnIfExists(CallExpr call, List<TypedSql> args, Relation? scope)
    {
        if (call.Arguments[0] is not LiteralExpr { Value: string name })
        {
            throw KqlErrors.Semantic(call.Arguments[0].Position, "the column name of 'column_ifexists' must be a constant string");
        }

        return scope?.Find(name) is { } column ? new(Q(column.Name), column.Type) : args[1];
    }

    /// <summary>row_number, prev, next and row_cumsum: window functions over the order a sort (or serialize) gave the rows.</summary>
    private TypedSql Window(CallExpr call, List<TypedSql> args, Relation? scope)
    {
        if (!_windowsAllowed)
        {
            throw KqlErrors.Unsupported(call.Position, $"'{call.Name}' outside extend, project or serialize");
        }

        if (scope is null)
        {
            throw KqlErrors.Semantic(call.Position, $"'{call.Name}' needs the rows of a table");
        }

        var over = scope.Order is { } order ? $"OVER (ORDER BY {order.OrderBy})" : "OVER ()";
        switch (call.Name)
        {
            case "row_number":
                var start = ArityRange(call, args, 0, 2).Count > 0 ? Numeric(call, args[0], 0) : "1";
                return new($"(ROW_NUMBER() {over} + {start} - 1)", KqlType.Long);
            case "row_cumsum":
                var value = Numeric(call, ArityRange(call, args, 1, 2)[0], 0);
                if (args.Count == 2)
                {
                    throw KqlErrors.Unsupported(call.Position, "row_cumsum() with a restart condition");
                }

                var frame = scope.Order is { } o ? $"OVER (ORDER BY {o.OrderBy} ROWS UNBOUNDED PRECEDING)" : "OVER (ROWS UNBOUNDED PRECEDING)";
                return new($"SUM({value}) {frame}", args[0].Type == KqlType.Int ? KqlType.Long : args[0].Type);
            default:
                ArityRange(call, args, 1, 3);
                var offset = args.Count > 1 ? Numeric(call, args[1], 1) : "1";
                var fallback = args.Count > 2 ? ", " + args[2].Sql : string.Empty;
                var function = call.Name == "prev" ? "LAG" : "LEAD";
                return new($"{function}({args[0].Sql}, {offset}{fallback}) {over}", args[0].Type);
        }
    }
}
