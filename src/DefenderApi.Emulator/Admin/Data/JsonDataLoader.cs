using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// A loader whose items deserialize to <typeparamref name="TItem"/> (the API's JSON names, enums by name); each item
/// is then stored by <see cref="StoreAsync"/>. A JSON error names the item and the path of the bad value.
/// </summary>
/// <typeparam name="TItem">The item shape.</typeparam>
internal abstract class JsonDataLoader<TItem> : IDataCollectionLoader
    where TItem : class
{
    /// <inheritdoc />
    public virtual string? WriteScope => null;

    /// <inheritdoc />
    public virtual DeviceLink? Devices => null;

    /// <summary>The API's JSON options (web defaults, enums by name, unknown members refused).</summary>
    protected static readonly JsonSerializerOptions ApiJson = CreateOptions();

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public async Task UpsertAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        var contract = ApiJson.GetTypeInfo(typeof(TItem));
        var entity = db.Model.FindEntityType(typeof(TItem));
        var parsed = new List<LoadedItem<TItem>>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index].ValueKind != JsonValueKind.Object)
            {
                throw new DataItemException(index, items[index].ValueKind == JsonValueKind.Null ? "the item is null" : "the item is not a JSON object");
            }

            TItem item;
            try
            {
                item = (TItem)items[index].Deserialize(contract)!;
            }
            catch (JsonException exception)
            {
                throw new DataItemException(index, LoadedItemRules.Describe(exception, contract));
            }

            var problem = LoadedItemRules.Check(item, contract, entity) ?? Validate(item);
            if (problem is not null)
            {
                throw new DataItemException(index, problem);
            }

            parsed.Add(new LoadedItem<TItem>(index, item, items[index]));
        }

        await StoreAsync(db, tenantId, parsed, cancellationToken);
    }

    /// <summary>Checks an item beyond its JSON shape (e.g. a required id).</summary>
    /// <param name="item">The item.</param>
    /// <returns>The problem, or <see langword="null"/> when fine.</returns>
    protected abstract string? Validate(TItem item);

    /// <summary>Inserts or updates the items (tracked; the caller saves). Throw <see cref="DataItemException"/> for a bad one.</summary>
    /// <param name="items">The parsed items.</param>
    protected abstract Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<TItem>> items, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the items, or overwrites the stored row with the same key (compared with <paramref name="comparer"/>,
    /// as the column compares). Owned collections are not copied by EF's value copy: <paramref name="copyOwned"/> does it.
    /// </summary>
    /// <typeparam name="TEntity">The entity.</typeparam>
    /// <param name="items">The new values.</param>
    /// <param name="key">The key property (a member access such as <c>m =&gt; m.Id</c>).</param>
    /// <param name="comparer">How keys compare.</param>
    /// <param name="copyOwned">Copies owned/collection members from the new value to the stored row.</param>
    protected static async Task UpsertAsync<TEntity>(
        EmulatorDbContext db, IEnumerable<TEntity> items, Expression<Func<TEntity, string>> key, StringComparer comparer,
        Action<TEntity, TEntity>? copyOwned, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        var keyProperty = (PropertyInfo)((MemberExpression)key.Body).Member;
        var keyOf = key.Compile();
        var rows = items.ToList();
        var keys = rows.Select(keyOf).ToList();
        var contains = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(keys), key.Body), key.Parameters);
        var stored = await db.Set<TEntity>().AsTracking().Where(contains).ToListAsync(cancellationToken);
        var existing = stored.ToDictionary(keyOf, comparer);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(keyOf(row), out var current))
            {
                keyProperty.SetValue(row, keyProperty.GetValue(current));
                db.Entry(current).CurrentValues.SetValues(row);
                copyOwned?.Invoke(row, current);
            }
            else
            {
                db.Add(row);
                existing[keyOf(row)] = row;
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>One parsed item of a data load.</summary>
/// <typeparam name="TItem">The item shape.</typeparam>
/// <param name="Index">Its index in the array.</param>
/// <param name="Item">The parsed item.</param>
/// <param name="Json">Its JSON (for members outside <typeparamref name="TItem"/>).</param>
internal sealed record LoadedItem<TItem>(int Index, TItem Item, JsonElement Json);
