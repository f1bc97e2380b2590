using System.Linq.Expressions;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// Loads a collection whose items are one stored entity each, keyed by a string id: existing rows with the same ids
/// are replaced (deleted in SQL first, so child rows such as alert evidence go with them), the others inserted.
/// </summary>
/// <typeparam name="T">The entity.</typeparam>
/// <param name="name">The collection name.</param>
/// <param name="key">The id property.</param>
/// <param name="prepare">Completes an item before storing (tenant id, derived fields); returns a problem or <see langword="null"/>.</param>
/// <param name="writeScope">The write lock scope of the collection's API writers (<see cref="IDataCollectionLoader.WriteScope"/>).</param>
internal sealed class EntityDataLoader<T>(string name, Expression<Func<T, string>> key, Func<T, Guid, string?> prepare, string? writeScope = null) : JsonDataLoader<T>
    where T : class, ITenantOwned
{
    private readonly Func<T, string> _key = key.Compile();

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string? WriteScope => writeScope;

    /// <inheritdoc />
    // No API id holds control characters; refusing them here keeps them out of every statement the store builds.
    protected override string? Validate(T item) => LoadedIds.Problem(_key(item), KeyName);

    /// <inheritdoc />
    protected override async Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<T>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => _key(i.Item)).Distinct(StringComparer.Ordinal).ToList();
        var parameter = key.Parameters[0];
        var matches = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Constant(ids), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, key.Body), parameter);
        await db.Set<T>().Where(matches).ExecuteDeleteAsync(cancellationToken);

        foreach (var (index, item, _) in items.GroupBy(i => _key(i.Item), StringComparer.Ordinal).Select(g => g.Last()))
        {
            item.TenantId = tenantId;
            if (prepare(item, tenantId) is { } problem)
            {
                throw new DataItemException(index, problem);
            }

            db.Add(item);
        }
    }

    private string KeyName => key.Body is MemberExpression member ? JsonName(member.Member.Name) : "id";

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
