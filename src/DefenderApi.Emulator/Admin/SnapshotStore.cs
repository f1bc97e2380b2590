using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// Named copies of the whole store, taken and restored with SQLite's online backup API under the store's write
/// lease. Copies live in memory for the life of the process, whatever the storage kind.
/// </summary>
internal sealed partial class SnapshotStore(
    DatabaseLocation database, StoreGate gate, TenantDirectory tenants, IRateLimitStore rateLimits, IServiceScopeFactory scopes, TimeProvider time,
    IEnumerable<IStoreResetObserver> observers)
    : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Snapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Copies the store under <paramref name="name"/>, replacing a snapshot of that name.</summary>
    /// <param name="name">The snapshot name.</param>
    /// <param name="cancellationToken">Cancels the wait for the write lease.</param>
    /// <returns>The snapshot's description.</returns>
    public async Task<SnapshotInfo> SaveAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        using var lease = await gate.EnterWriteAsync(cancellationToken);
        var copy = new SqliteConnection("Data Source=:memory:");
        copy.Open();
        using (var source = new SqliteConnection(database.ConnectionString))
        {
            source.Open();
            source.BackupDatabase(copy);
        }

        var snapshot = new Snapshot(copy, new SnapshotInfo(name, time.GetUtcNow()));
        lock (_lock)
        {
            if (_snapshots.Remove(name, out var replaced))
            {
                replaced.Connection.Dispose();
            }

            _snapshots[name] = snapshot;
        }

        return snapshot.Info;
    }

    /// <summary>Replaces the whole store with the snapshot's copy, stops every scenario run and forgets the rate-limit counters.</summary>
    /// <param name="name">The snapshot name.</param>
    /// <param name="cancellationToken">Cancels the wait for the write lease.</param>
    public async Task RestoreAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        using var lease = await gate.EnterWriteAsync(cancellationToken);
        lock (_lock)
        {
            var snapshot = _snapshots.GetValueOrDefault(name) ?? throw NotFound(name);
            foreach (var observer in observers)
            {
                observer.OnStoreReplacing(null);
            }

            using var target = new SqliteConnection(database.ConnectionString);
            target.Open();
            snapshot.Connection.BackupDatabase(target);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        tenants.ReplaceAll(await db.Tenants.Select(t => t.Id).ToListAsync(CancellationToken.None));
        await rateLimits.ClearAsync(CancellationToken.None);
    }

    /// <summary>Every snapshot, by name.</summary>
    /// <returns>The descriptions.</returns>
    public IReadOnlyList<SnapshotInfo> List()
    {
        lock (_lock)
        {
            return [.. _snapshots.Values.Select(s => s.Info).OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Deletes a snapshot.</summary>
    /// <param name="name">The snapshot name.</param>
    public void Delete(string name)
    {
        ValidateName(name);
        lock (_lock)
        {
            if (!_snapshots.Remove(name, out var removed))
            {
                throw NotFound(name);
            }

            removed.Connection.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var snapshot in _snapshots.Values)
            {
                snapshot.Connection.Dispose();
            }

            _snapshots.Clear();
        }
    }

    private static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{name}' for the snapshot name; expected 1 to 64 letters, digits, '.', '_' or '-'"));
        }
    }

    private static DefenderErrorException NotFound(string name) => new(DefenderErrors.ResourceNotFound("Snapshot", name));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    private sealed record Snapshot(SqliteConnection Connection, SnapshotInfo Info);
}

/// <summary>A snapshot's description.</summary>
/// <param name="Name">Its name.</param>
/// <param name="CreatedAt">When it was taken.</param>
internal sealed record SnapshotInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
