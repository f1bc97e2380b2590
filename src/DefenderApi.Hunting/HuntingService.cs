using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>The outcome of running a query: a result, or a CPU quota refusal (compile and limit errors are thrown as 400s).</summary>
/// <param name="Result">The response, when the query ran.</param>
/// <param name="Refusal">The refusal, when the CPU quota was exhausted.</param>
public sealed record HuntingRunOutcome(HuntingQueryResult? Result, HuntingQuotaRefusal? Refusal);

/// <summary>One call for an endpoint: CPU quota check, compile, execute for the tenant, charge the quota.</summary>
public sealed class HuntingService
{
    private readonly TimeProvider _timeProvider;
    private readonly KqlCompiler _compiler;
    private readonly KqlCompiler _xdrCompiler;
    private readonly HuntingQueryExecutor _executor;

    /// <summary>Creates the service from its parts (all sharing one TimeProvider and one set of limits).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="limits">The limits; the documented ones when <see langword="null"/>.</param>
    public HuntingService(TimeProvider timeProvider, HuntingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        var effective = limits ?? HuntingLimits.Documented;
        effective.Validate();
        _compiler = new KqlCompiler(timeProvider, effective);
        _xdrCompiler = new KqlCompiler(timeProvider, effective, HuntingSchema.Xdr);
        _executor = new HuntingQueryExecutor(timeProvider, effective);
        CpuQuota = new HuntingCpuQuota(timeProvider, effective);
    }

    /// <summary>The per-tenant CPU ledger.</summary>
    public HuntingCpuQuota CpuQuota { get; }

    /// <summary>Runs a query for a tenant.</summary>
    /// <param name="connection">An open connection holding the hunting tables.</param>
    /// <param name="tenantId">The caller's tenant (the token's <c>tid</c>).</param>
    /// <param name="query">The KQL text.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The result, or the quota refusal with its Retry-After.</returns>
    /// <exception cref="DefenderApi.Errors.DefenderErrorException">400 for a bad query, a too-large result or a timeout.</exception>
    public HuntingRunOutcome Run(SqliteConnection connection, string tenantId, string query, CancellationToken cancellationToken = default) =>
        Run(connection, tenantId, query, HuntingSchema.Default, cancellationToken);

    /// <summary>Runs a query for a tenant against the tables of <paramref name="schema"/>; the CPU quota is the tenant's, whichever the schema.</summary>
    /// <param name="connection">An open connection holding the hunting tables.</param>
    /// <param name="tenantId">The caller's tenant (the token's <c>tid</c>).</param>
    /// <param name="query">The KQL text.</param>
    /// <param name="schema"><see cref="HuntingSchema.Default"/> (MDE) or <see cref="HuntingSchema.Xdr"/> (Defender XDR).</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The result, or the quota refusal with its Retry-After.</returns>
    /// <exception cref="DefenderApi.Errors.DefenderErrorException">400 for a bad query (an unknown table among them), a too-large result or a timeout.</exception>
    public HuntingRunOutcome Run(SqliteConnection connection, string tenantId, string query, HuntingSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (CpuQuota.Check(tenantId) is { } refusal)
        {
            return new HuntingRunOutcome(null, refusal);
        }

        var compiled = (ReferenceEquals(schema, HuntingSchema.Xdr) ? _xdrCompiler : _compiler).Compile(query);
        var started = _timeProvider.GetTimestamp();
        try
        {
            return new HuntingRunOutcome(_executor.Execute(connection, compiled, tenantId, cancellationToken), null);
        }
        finally
        {
            // Queries that time out or overflow used the CPU too, so they are charged as well.
            CpuQuota.Charge(tenantId, _timeProvider.GetElapsedTime(started));
        }
    }
}
