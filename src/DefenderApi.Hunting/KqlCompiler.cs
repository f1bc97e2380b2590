using DefenderApi.Errors;
using DefenderApi.Hunting.Binding;
using DefenderApi.Hunting.Schema;
using DefenderApi.Hunting.Syntax;

namespace DefenderApi.Hunting;

/// <summary>
/// Compiles a KQL hunting query to one parameterized SQLite SELECT. Stateless apart from its settings and cheap to call in a loop.
/// Every failure is a <see cref="DefenderErrorException"/> with a 400 BadRequest naming the problem.
/// </summary>
public sealed class KqlCompiler
{
    private readonly TimeProvider _timeProvider;
    private readonly HuntingSchema _schema;
    private readonly HuntingLimits _limits;

    /// <summary>Creates a compiler.</summary>
    /// <param name="timeProvider">Source of <c>now()</c> and <c>ago()</c>.</param>
    /// <param name="limits">The limits (the lookback window); the documented ones when <see langword="null"/>.</param>
    /// <param name="schema">The tables; <see cref="HuntingSchema.Default"/> when <see langword="null"/>.</param>
    public KqlCompiler(TimeProvider timeProvider, HuntingLimits? limits = null, HuntingSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _limits = limits ?? HuntingLimits.Documented;
        _schema = schema ?? HuntingSchema.Default;
    }

    /// <summary>Compiles a query.</summary>
    /// <param name="query">The KQL text.</param>
    /// <returns>The SQL, its parameters (all but the tenant) and the output columns.</returns>
    /// <exception cref="DefenderErrorException">400 BadRequest: syntax, unknown name, type error or unsupported feature.</exception>
    public CompiledHuntingQuery Compile(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest("The query is empty."));
        }

        var statements = Parser.Parse(query, _schema);
        var (result, parameters) = QueryBinder.Bind(statements, _schema);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var lookback = now - _limits.Lookback;
        List<KeyValuePair<string, object?>> all =
        [
            new(QueryBinder.NowParameter, now.Ticks),
            new(QueryBinder.LookbackParameter, lookback.Ticks),
            .. parameters,
        ];
        return new CompiledHuntingQuery(result.Sql, result.Columns, all);
    }
}

/// <summary>A compiled query: SQL whose only inputs are its parameters and the tenant.</summary>
/// <param name="Sql">The SELECT statement.</param>
/// <param name="Columns">The output columns with their KQL types.</param>
/// <param name="Parameters">Bound values by parameter name; the tenant (<c>@tenant</c>) is bound at execution.</param>
public sealed record CompiledHuntingQuery(string Sql, IReadOnlyList<PlanColumn> Columns, IReadOnlyList<KeyValuePair<string, object?>> Parameters)
{
    /// <summary>The name of the parameter that receives the tenant id at execution.</summary>
    public const string TenantParameterName = QueryBinder.TenantParameter;
}
