using System.Text.Json.Nodes;
using DefenderApi.Hunting.Schema;

namespace DefenderApi.Hunting.Syntax;

internal abstract record Expr(SourcePosition Position);

internal sealed record LiteralExpr(KqlType Type, object? Value, SourcePosition Position) : Expr(Position);

internal sealed record NameExpr(string Name, SourcePosition Position) : Expr(Position);

internal sealed record StarExpr(SourcePosition Position) : Expr(Position);

internal sealed record MemberExpr(Expr Target, string Member, SourcePosition Position) : Expr(Position);

internal sealed record IndexExpr(Expr Target, Expr Index, SourcePosition Position) : Expr(Position);

internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Arguments, SourcePosition Position) : Expr(Position);

internal sealed record UnaryExpr(string Operator, Expr Operand, SourcePosition Position) : Expr(Position);

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourcePosition Position) : Expr(Position);

internal sealed record InExpr(Expr Value, string Operator, IReadOnlyList<Expr> Items, SourcePosition Position) : Expr(Position);

internal sealed record BetweenExpr(Expr Value, Expr Low, Expr High, bool Negated, SourcePosition Position) : Expr(Position);

internal sealed record TabularArgumentExpr(Pipeline Query, SourcePosition Position) : Expr(Position);

/// <summary>An expression with an optional output name (<c>Name = expr</c>).</summary>
internal sealed record NamedExpr(string? Name, Expr Value);

internal sealed record SortKey(Expr Value, bool Descending, bool NullsFirst);

internal sealed record JoinKey(Expr Left, Expr Right);

internal abstract record TabularSource(SourcePosition Position);

internal sealed record NamedSource(string Name, SourcePosition Position) : TabularSource(Position);

internal sealed record NestedSource(Pipeline Query, SourcePosition Position) : TabularSource(Position);

internal sealed record UnionSource(IReadOnlyList<TabularSource> Sources, string? WithSource, SourcePosition Position) : TabularSource(Position);

internal sealed record SearchSource(IReadOnlyList<TabularSource>? Tables, Expr Predicate, SourcePosition Position) : TabularSource(Position);

/// <summary>A column of <c>find ... project</c>: its name and, where the tables disagree, the type wanted.</summary>
internal sealed record FindColumn(string Name, KqlType? Type, SourcePosition Position);

/// <summary>
/// <c>find [withsource=C] [in (T1, T2)] where P [project-smart | project c[:t], ..., pack_all()]</c>; <see cref="Project"/>
/// is null for project-smart, the default.
/// </summary>
internal sealed record FindSource(
    string WithSource, IReadOnlyList<TabularSource>? Tables, Expr Predicate, IReadOnlyList<FindColumn>? Project, bool PackAll, SourcePosition Position)
    : TabularSource(Position);

/// <summary>A call of a user-defined tabular function (<c>let f = (x:long) { T | ... }; f(3)</c>).</summary>
internal sealed record CallSource(string Name, IReadOnlyList<Expr> Arguments, SourcePosition Position) : TabularSource(Position);

/// <summary><c>print a = 1, ...</c>: one row of scalar values.</summary>
internal sealed record PrintSource(IReadOnlyList<NamedExpr> Columns, SourcePosition Position) : TabularSource(Position);

/// <summary><c>datatable(a:string, b:long) [ ... ]</c>: the values row by row.</summary>
internal sealed record DatatableSource(IReadOnlyList<(string Name, KqlType Type)> Columns, IReadOnlyList<Expr> Values, SourcePosition Position) : TabularSource(Position);

internal sealed record Pipeline(TabularSource Source, IReadOnlyList<QueryOperator> Operators);

internal abstract record QueryOperator(SourcePosition Position);

internal sealed record WhereOperator(Expr Predicate, SourcePosition Position) : QueryOperator(Position);

internal sealed record ProjectOperator(IReadOnlyList<NamedExpr> Columns, SourcePosition Position) : QueryOperator(Position);

internal sealed record ExtendOperator(IReadOnlyList<NamedExpr> Columns, SourcePosition Position) : QueryOperator(Position);

internal sealed record ProjectAwayOperator(IReadOnlyList<NameExpr> Columns, SourcePosition Position) : QueryOperator(Position);

internal sealed record ProjectRenameOperator(IReadOnlyList<(string NewName, NameExpr Old)> Renames, SourcePosition Position) : QueryOperator(Position);

internal sealed record SummarizeOperator(IReadOnlyList<NamedExpr> Aggregates, IReadOnlyList<NamedExpr> By, SourcePosition Position) : QueryOperator(Position);

internal sealed record SortOperator(IReadOnlyList<SortKey> Keys, SourcePosition Position) : QueryOperator(Position);

internal sealed record TopOperator(Expr Count, IReadOnlyList<SortKey> Keys, SourcePosition Position) : QueryOperator(Position);

internal sealed record TakeOperator(Expr Count, SourcePosition Position) : QueryOperator(Position);

internal sealed record DistinctOperator(IReadOnlyList<NameExpr>? Columns, SourcePosition Position) : QueryOperator(Position);

internal sealed record CountOperator(SourcePosition Position) : QueryOperator(Position);

internal sealed record JoinOperator(string Kind, TabularSource Right, IReadOnlyList<JoinKey> Keys, SourcePosition Position, bool IsLookup = false) : QueryOperator(Position);

internal sealed record UnionOperator(IReadOnlyList<TabularSource> Others, string? WithSource, SourcePosition Position) : QueryOperator(Position);

internal sealed record SearchOperator(Expr Predicate, SourcePosition Position) : QueryOperator(Position);

/// <summary>One expanded expression of mv-expand: an optional new name, the value and an optional <c>to typeof(t)</c>.</summary>
internal sealed record MvExpandItem(string? Name, Expr Value, KqlType? To);

internal sealed record MvExpandOperator(IReadOnlyList<MvExpandItem> Items, bool BagAsArray, string? IndexColumn, Expr? Limit, SourcePosition Position) : QueryOperator(Position);

/// <summary>One element of a parse pattern: a literal (or regex) text, <c>*</c>, or a column with its type.</summary>
internal sealed record ParsePart(string? Literal, string? Column, KqlType Type, SourcePosition Position);

internal sealed record ParseOperator(string Kind, Expr Source, IReadOnlyList<ParsePart> Parts, bool DropUnmatched, SourcePosition Position) : QueryOperator(Position);

internal sealed record ProjectKeepOperator(IReadOnlyList<NameExpr> Columns, bool Reorder, SourcePosition Position) : QueryOperator(Position);

internal sealed record SerializeOperator(IReadOnlyList<NamedExpr> Columns, SourcePosition Position) : QueryOperator(Position);

/// <summary>Operators that return their input unchanged: <c>render</c> (the API returns the table) and <c>as</c>.</summary>
internal sealed record PassThroughOperator(string Name, string? Alias, SourcePosition Position) : QueryOperator(Position);

internal sealed record InvokeOperator(string Function, IReadOnlyList<Expr> Arguments, SourcePosition Position) : QueryOperator(Position);

internal sealed record TopNestedLevel(Expr Count, NamedExpr Key, NamedExpr Aggregate, bool WithOthers);

internal sealed record TopNestedOperator(IReadOnlyList<TopNestedLevel> Levels, SourcePosition Position) : QueryOperator(Position);

internal abstract record Statement(SourcePosition Position);

/// <summary>A parameter of a user-defined function; <see cref="Type"/> is null for a tabular parameter.</summary>
internal sealed record FunctionParameter(string Name, KqlType? Type, Expr? Default);

/// <summary><c>let f = (params) { lets; body }</c>: a scalar body or a tabular one.</summary>
internal sealed record LetFunction(
    string Name, IReadOnlyList<FunctionParameter> Parameters, IReadOnlyList<Statement> Lets, Expr? ScalarBody, Pipeline? TabularBody, SourcePosition Position)
    : Statement(Position);

internal sealed record LetScalar(string Name, Expr Value, SourcePosition Position) : Statement(Position);

internal sealed record LetTabular(string Name, Pipeline Value, SourcePosition Position) : Statement(Position);

internal sealed record QueryStatement(Pipeline Query, SourcePosition Position) : Statement(Position);
