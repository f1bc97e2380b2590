using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence.Rows;

/// <summary>
/// A keyed single-row read whose SQL EF Core writes once per tenant, then every request binds its own key. Building
/// the SQL of a LINQ query (extracting its parameters, hashing the expression for EF Core's cache, creating the
/// command) cost more than running it; a GET by id or a 404 did it on every call. EF Core still writes the SQL, with
/// the tenant query filter and its parameter, so the statement is exactly the one EF Core would run.
/// </summary>
/// <typeparam name="T">The entity.</typeparam>
/// <param name="query">The query for one key, e.g. <c>(db, id) =&gt; db.Machines().Where(m =&gt; m.Id == id)</c>.</param>
internal sealed class RowQuery<T>(Func<EmulatorDbContext, string, IQueryable<T>> query)
    where T : class
{
    // A key no caller sends: it finds the key's parameter among those EF Core writes.
    private const string Probe = "\u0001row-query-key\u0001";

    private readonly ConcurrentDictionary<Guid, RowQueryTemplate> _byTenant = new();

    /// <summary>The SQL and parameters for the tenant of <paramref name="db"/> (written by EF Core on first use).</summary>
    /// <param name="db">The request's context (its tenant).</param>
    /// <returns>The template.</returns>
    /// <exception cref="InvalidOperationException">EF Core did not make the key a parameter of the SQL.</exception>
    public RowQueryTemplate For(EmulatorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byTenant.GetOrAdd(db.CurrentTenantId, static (_, state) => Write(state.query(state.db, Probe).Take(1)), (query, db));
    }

    private static RowQueryTemplate Write(IQueryable<T> query) =>
        RowQueryTemplate.Write(query, value => Probe.Equals(value), typeof(T).Name);
}

/// <summary>The SQL of a <see cref="RowQuery{T}"/> for one tenant.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Parameters">Its parameters: the key's, and the values EF Core wrote for the others (tenant, limit).</param>
internal sealed record RowQueryTemplate(string Sql, IReadOnlyList<RowQueryParameter> Parameters)
{
    /// <summary>Has EF Core write <paramref name="query"/>'s SQL, with a probe value marking the key's parameter.</summary>
    /// <param name="query">The query, built with the probe as its key.</param>
    /// <param name="isProbe">Whether a parameter's value is (or holds) the probe.</param>
    /// <param name="name">What the query reads, for the error.</param>
    /// <returns>The template.</returns>
    /// <exception cref="InvalidOperationException">EF Core did not make the key a parameter of the SQL.</exception>
    public static RowQueryTemplate Write(IQueryable query, Func<object?, bool> isProbe, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(isProbe);
        using var command = query.CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => isProbe(p.Value) ? new RowQueryParameter(p.ParameterName, null, true) : new RowQueryParameter(p.ParameterName, p.Value, false))
            .ToArray();
        if (!parameters.Any(p => p.IsKey))
        {
            throw new InvalidOperationException($"The {name} row query does not take its key as a parameter: {command.CommandText}");
        }

        return new RowQueryTemplate(command.CommandText, parameters);
    }
}

/// <summary>A parameter of a <see cref="RowQueryTemplate"/>.</summary>
/// <param name="Name">Its name in the SQL.</param>
/// <param name="Value">Its value, unless it is the key.</param>
/// <param name="IsKey">Whether each request binds its key here.</param>
internal sealed record RowQueryParameter(string Name, object? Value, bool IsKey);
