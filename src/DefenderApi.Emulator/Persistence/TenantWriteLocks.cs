using System.Collections.Concurrent;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Serializes a read-decide-write sequence (allocate the next id, upsert by natural key) per tenant and scope, so
/// concurrent requests never both take the same id or both create the same entity. One emulator process owns its
/// store; a shared deployment would move this into the database (see docs/decisions/0001-storage.md).
/// </summary>
internal sealed class TenantWriteLocks
{
    // The scopes held by Hold in the current flow: code that runs inside such a unit takes them at once.
    private static readonly AsyncLocal<HeldScopes?> Held = new();

    private readonly ConcurrentDictionary<(Guid Tenant, string Scope), SemaphoreSlim> _locks = new();

    /// <summary>
    /// Waits for the lock of <paramref name="scope"/> in <paramref name="tenantId"/>; dispose to release. Inside a unit
    /// that <see cref="Hold"/> opened for the same tenant and scope it returns at once: that unit holds the lock.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="scope">What is being written, e.g. <c>indicators</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock.</returns>
    public async Task<IDisposable> AcquireAsync(Guid tenantId, string scope, CancellationToken cancellationToken)
    {
        if (Held.Value?.Contains(tenantId, scope) == true)
        {
            return HeldScopes.Nothing;
        }

        var gate = _locks.GetOrAdd((tenantId, scope), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>
    /// Takes the lock of <paramref name="scope"/> for a synchronous unit of work that writes in one store transaction
    /// (a scenario step), before that transaction begins: the unit waits for the lock first and for SQLite's write lock
    /// second, in the order every request does, so the two never wait for each other. Until disposed, the code the
    /// unit calls (in the same flow) gets the lock at once from <see cref="AcquireAsync"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="scope">What is being written.</param>
    /// <returns>The held lock; dispose it in the flow that took it.</returns>
    public IDisposable Hold(Guid tenantId, string scope)
    {
        var gate = _locks.GetOrAdd((tenantId, scope), _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        var previous = Held.Value;
        Held.Value = new HeldScopes(tenantId, scope, previous);
        return new HeldRelease(gate, previous);
    }

    private sealed record HeldScopes(Guid Tenant, string Scope, HeldScopes? Outer)
    {
        public static readonly IDisposable Nothing = new NoRelease();

        public bool Contains(Guid tenant, string scope) =>
            (Tenant == tenant && string.Equals(Scope, scope, StringComparison.Ordinal)) || Outer?.Contains(tenant, scope) == true;
    }

    private sealed class HeldRelease(SemaphoreSlim gate, HeldScopes? previous) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Held.Value = previous;
                gate.Release();
            }
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class NoRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
