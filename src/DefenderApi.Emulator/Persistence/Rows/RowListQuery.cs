using System.Collections.Concurrent;
using System.Text.Json;

namespace DefenderApi.Emulator.Persistence.Rows;

/// <summary>
/// A read of the rows with any of a list of keys whose SQL EF Core writes once per tenant, the list being one JSON
/// array parameter (<c>EF.Parameter(keys).Contains(…)</c>, SQLite's <c>json_each</c>): every request binds its own
/// array to the same prepared statement. With EF Core's default translation the list became one parameter per key,
/// so the SQL changed with the list's length and each request built its command anew (decision 0004).
/// </summary>
/// <typeparam name="TKey">The key's type.</typeparam>
/// <param name="query">The query for a key list, e.g. <c>(db, ids) =&gt; db.Machines().Where(m =&gt; EF.Parameter(ids).Contains(m.Id))</c>.</param>
/// <param name="probe">A key no caller sends: it finds the list's parameter among those EF Core writes.</param>
internal sealed class RowListQuery<TKey>(Func<EmulatorDbContext, List<TKey>, IQueryable> query, TKey probe)
{
    private readonly Func<EmulatorDbContext, List<TKey>, IQueryable> _query = query;
    private readonly TKey _probe = probe;
    private readonly string _probeJson = JsonSerializer.Serialize(probe);
    private readonly ConcurrentDictionary<Guid, RowQueryTemplate> _byTenant = new();

    /// <summary>The SQL and parameters for the tenant of <paramref name="db"/> (written by EF Core on first use).</summary>
    /// <param name="db">The request's context (its tenant).</param>
    /// <returns>The template; bind <see cref="Keys"/> as its key.</returns>
    /// <exception cref="InvalidOperationException">EF Core did not make the list one parameter of the SQL.</exception>
    public RowQueryTemplate For(EmulatorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byTenant.GetOrAdd(db.CurrentTenantId, static (_, state) => RowQueryTemplate.Write(
            state.self._query(state.db, [state.self._probe]),
            value => value is string json && json.Contains(state.self._probeJson, StringComparison.Ordinal),
            typeof(TKey).Name + " list"), (self: this, db));
    }

    /// <summary>The value the template's key parameter takes for <paramref name="keys"/>: a JSON array.</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The JSON.</returns>
    public static string Keys(IEnumerable<TKey> keys) => JsonSerializer.Serialize(keys);
}
