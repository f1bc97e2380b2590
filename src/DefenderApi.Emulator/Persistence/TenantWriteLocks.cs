using System.Collections.Concurrent;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Serializes a read-decide-write sequence (allocate the next id, upsert by natural key) per tenant and scope, so
/// concurrent requests never both take the same id or both create the same entity. One emulator process owns its
/// store; a shared deployment would move this into the database (see docs/decisions/0001-storage.md).
/// </summary>
internal sealed class TenantWriteLocks
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Scope), SemaphoreSlim> _locks = new();

    /// <summary>Waits for the lock of <paramref name="scope"/> in <paramref name="tenantId"/>; dispose to release.</summary>
    /// <param name="scope">What is being written, e.g. <c>indicators</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock.</returns>
    public async Task<IDisposable> AcquireAsync(Guid tenantId, string scope, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd((tenantId, scope), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
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
}
