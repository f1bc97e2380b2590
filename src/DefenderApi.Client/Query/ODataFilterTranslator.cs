using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Client.Query;

/// <summary>Translates the supported subset of C# lambdas into OData <c>$filter</c> text.</summary>
internal static class ODataFilterTranslator
{
    /// <summary>The filter text of a predicate.</summary>
    public static string Translate(LambdaExpression predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Visit(predicate.Body, predicate.Parameters[0]);
    }

    /// <summary>The wire name of a property selector such as <c>m =&gt; m.LastSeen</c>.</summary>
    public static string PropertyPath(LambdaExpression selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var body = StripConvert(selector.Body);
        return body is MemberExpression { Member: PropertyInfo property } member && member.Expression == selector.Parameters[0]
            ? WireName(property)
            : throw new NotSupportedException($"'{selector}' is not a property of the entity.");
    }

    private static string Visit(Expression node, ParameterExpression entity)
    {
        node = StripConvert(node);
        return node switch
        {
            BinaryExpression { NodeType: ExpressionType.AndAlso } b => $"{Group(b.Left, b.NodeType, entity)} and {Group(b.Right, b.NodeType, entity)}",
            BinaryExpression { NodeType: ExpressionType.OrElse } b => $"{Group(b.Left, b.NodeType, entity)} or {Group(b.Right, b.NodeType, entity)}",
            BinaryExpression b when Operators.TryGetValue(b.NodeType, out var op) => Comparison(b, op, entity),
            UnaryExpression { NodeType: ExpressionType.Not } u => $"not ({Visit(u.Operand, entity)})",
            MethodCallExpression call => Method(call, entity),
            MemberExpression m when IsEntityProperty(m, entity) && (m.Type == typeof(bool) || m.Type == typeof(bool?)) =>
                $"{Property(m, entity)} eq true",
            _ => throw new NotSupportedException($"'{node}' cannot be translated to an OData filter."),
        };
    }

    private static readonly Dictionary<ExpressionType, string> Operators = new()
    {
        [ExpressionType.Equal] = "eq",
        [ExpressionType.NotEqual] = "ne",
        [ExpressionType.GreaterThan] = "gt",
        [ExpressionType.GreaterThanOrEqual] = "ge",
        [ExpressionType.LessThan] = "lt",
        [ExpressionType.LessThanOrEqual] = "le",
    };

    private static readonly Dictionary<ExpressionType, ExpressionType> Mirrored = new()
    {
        [ExpressionType.GreaterThan] = ExpressionType.LessThan,
        [ExpressionType.GreaterThanOrEqual] = ExpressionType.LessThanOrEqual,
        [ExpressionType.LessThan] = ExpressionType.GreaterThan,
        [ExpressionType.LessThanOrEqual] = ExpressionType.GreaterThanOrEqual,
    };

    /// <summary>Parenthesizes a logical operand whose operator differs from its parent's (an 'or' inside an 'and').</summary>
    private static string Group(Expression node, ExpressionType parent, ParameterExpression entity)
    {
        var text = Visit(node, entity);
        return StripConvert(node) is BinaryExpression { NodeType: ExpressionType.OrElse or ExpressionType.AndAlso } child && child.NodeType != parent
            ? $"({text})"
            : text;
    }

    private static string Comparison(BinaryExpression b, string op, ParameterExpression entity)
    {
        var left = StripConvert(b.Left);
        var right = StripConvert(b.Right);
        if (IsEntityProperty(left, entity))
        {
            return $"{Property(left, entity)} {op} {Literal(Evaluate(right))}";
        }

        if (IsEntityProperty(right, entity))
        {
            // 'date < m.LastSeen' becomes 'lastSeen gt date': OData wants the property first.
            var mirrored = Mirrored.TryGetValue(b.NodeType, out var m) ? Operators[m] : op;
            return $"{Property(right, entity)} {mirrored} {Literal(Evaluate(left))}";
        }

        throw new NotSupportedException($"'{b}' compares no property of the entity.");
    }

    private static string Method(MethodCallExpression call, ParameterExpression entity)
    {
        if (call.Method.DeclaringType == typeof(string) && call.Object is { } target && IsEntityProperty(StripConvert(target), entity) && call.Arguments.Count >= 1)
        {
            // The service documents startswith only; endswith/contains would compile here and be refused at run time
            // with 400 InvalidRequestBody, so they are refused while the query is built.
            var function = call.Method.Name switch
            {
                nameof(string.StartsWith) => "startswith",
                nameof(string.EndsWith) or nameof(string.Contains) => throw new NotSupportedException(
                    $"string.{call.Method.Name} has no $filter function the Defender API accepts (it documents startswith only); filter the listed entities in your code instead."),
                _ => throw new NotSupportedException($"string.{call.Method.Name} cannot be translated to an OData filter."),
            };
            return $"{function}({Property(StripConvert(target), entity)},{Literal(Evaluate(call.Arguments[0]))})";
        }

        // m.MachineTags.Contains("x") — instance (List) or extension (Enumerable) form — becomes an 'any' lambda.
        (Expression? source, Expression? item) = call.Method.Name != nameof(Enumerable.Contains)
            ? (null, null)
            : call.Object is not null && call.Arguments.Count == 1
                ? (call.Object, call.Arguments[0])
                : call.Object is null && call.Arguments.Count == 2 ? (UnwrapSpan(call.Arguments[0]), call.Arguments[1]) : (null, null);
        if (source is not null && item is not null && IsEntityProperty(StripConvert(source), entity))
        {
            return $"{Property(StripConvert(source), entity)}/any(x: x eq {Literal(Evaluate(item))})";
        }

        // values.Contains(m.Status) — a local list — becomes an 'or' of equalities.
        if (source is not null && item is not null && IsEntityProperty(StripConvert(item), entity) && Evaluate(source) is IEnumerable values)
        {
            var property = Property(StripConvert(item), entity);
            var terms = values.Cast<object?>().Select(v => $"{property} eq {Literal(v)}").ToList();
            return terms.Count == 0
                ? throw new NotSupportedException("An empty list cannot be translated to an OData filter.")
                : terms.Count == 1 ? terms[0] : $"({string.Join(" or ", terms)})";
        }

        throw new NotSupportedException($"'{call}' cannot be translated to an OData filter.");
    }

    /// <summary>C# 14 binds <c>array.Contains(x)</c> to <c>MemoryExtensions.Contains</c> over an implicit span conversion; see through it.</summary>
    private static Expression UnwrapSpan(Expression node) =>
        StripConvert(node) is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } conversion ? conversion.Arguments[0] : node;

    private static bool IsEntityProperty(Expression node, ParameterExpression entity) =>
        node is MemberExpression { Member: PropertyInfo } m && StripConvert(m.Expression!) == entity;

    private static string Property(Expression node, ParameterExpression entity) =>
        WireName((PropertyInfo)((MemberExpression)node).Member);

    private static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static Expression StripConvert(Expression node) =>
        node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u ? StripConvert(u.Operand) : node;

    private static object? Evaluate(Expression node) => StripConvert(node) switch
    {
        ConstantExpression c => c.Value,
        MemberExpression { Expression: null, Member: FieldInfo f } => f.GetValue(null),
        MemberExpression { Expression: null, Member: PropertyInfo p } => p.GetValue(null),
        MemberExpression { Member: FieldInfo f } m => f.GetValue(Evaluate(m.Expression!)),
        MemberExpression { Member: PropertyInfo p } m => p.GetValue(Evaluate(m.Expression!)),
        var other => Expression.Lambda(other).Compile(preferInterpretation: true).DynamicInvoke(),
    };

    /// <summary>An OData literal: strings quoted with doubled quotes, dates in ISO 8601 UTC, numbers invariant.</summary>
    internal static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        Enum e => $"'{e}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value.ToString()?.Replace("'", "''", StringComparison.Ordinal)}'",
    };
}
