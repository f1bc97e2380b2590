using System.Linq.Expressions;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// Loads a collection whose items are one stored entity each, keyed by a string id: existing rows with the same ids
/// are replaced (deleted in SQL first, so child rows such as alert evidence go with them), the others inserted. Every
/// item is checked before the first row is written.
/// </summary>
/// <typeparam name="T">The entity.</typeparam>
/// <param name="name">The collection name.</param>
/// <param name="key">The id property.</param>
/// <param name="prepare">Completes an item before storing (tenant id, derived fields); returns a problem or <see langword="null"/>.</param>
/// <param name="writeScope">The write lock scope of the collection's API writers (<see cref="IDataCollectionLoader.WriteScope"/>).</param>
/// <param name="trackChanges">
/// Store through the change tracker, so that a save interceptor sees the items (alerts: the incidents), and child
/// rows are written. Otherwise, when <see cref="BulkInsert.CanWrite{T}"/> and the primary key is (tenant, id), the
/// items are upserted by that key with prepared multi-row statements in the load's transaction.
/// </param>
/// <param name="devices">How items are tied to devices (<see cref="IDataCollectionLoader.Devices"/>).</param>
internal sealed class EntityDataLoader<T>(
    string name, Expression<Func<T, string>> key, Func<T, Guid, string?> prepare, string? writeScope = null, bool trackChanges = false, DeviceLink? devices = null) : JsonDataLoader<T>
    where T : class, ITenantOwned
{
    private readonly Func<T, string> _key = key.Compile();

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string? WriteScope => writeScope;

    /// <inheritdoc />
    public override DeviceLink? Devices => devices;

    /// <inheritdoc />
    // No API id holds control characters; refusing them here keeps them out of every statement the store builds.
    protected override string? Validate(T item) => LoadedIds.Problem(_key(item), KeyName);

    /// <inheritdoc />
    protected override async Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<T>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);

        // Every item is completed and checked before anything is written; the key is read afterwards, as stored.
        foreach (var (index, item, _) in items)
        {
            item.TenantId = tenantId;
            if (prepare(item, tenantId) is { } problem)
            {
                throw new DataItemException(index, problem);
            }
        }

        var latest = items.GroupBy(i => _key(i.Item), StringComparer.Ordinal).Select(g => g.Last().Item).ToList();
        if (!trackChanges && BulkInsert.CanWrite<T>(db) && IsTenantAndKey(db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!))
        {
            // The whole entity is its row and nothing refers to it: replacing the stored row in place by its primary
            // key is the delete-and-insert below, without a query over the ids.
            await BulkInsert.UpsertAsync(db, latest, cancellationToken);
            return;
        }

        var ids = latest.Select(_key).ToList();
        var parameter = key.Parameters[0];
        var matches = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Constant(ids), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, key.Body), parameter);
        await db.Set<T>().Where(matches).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(latest);
    }

    private bool IsTenantAndKey(IKey primaryKey) =>
        key.Body is MemberExpression member
        && primaryKey.Properties.Select(p => p.Name).Order(StringComparer.Ordinal)
            .SequenceEqual(new[] { nameof(ITenantOwned.TenantId), member.Member.Name }.Order(StringComparer.Ordinal));

    private string KeyName => key.Body is MemberExpression member ? JsonName(member.Member.Name) : "id";

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
