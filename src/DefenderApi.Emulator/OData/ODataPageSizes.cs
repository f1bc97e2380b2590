using System.Collections.Immutable;

namespace DefenderApi.Emulator.OData;

/// <summary>
/// The server page size of each OData collection, by entity set (singleton): the documented size unless a setting
/// overrides it, so a test can make <c>/api/alerts</c> page at 50 and walk <c>@odata.nextLink</c>. Changed through
/// <c>PUT /_emulator/settings</c> (<c>{"pageSizes":{"Alerts":50}}</c>); a page already answered keeps its links.
/// </summary>
internal sealed class ODataPageSizes
{
    /// <summary>The largest page size a setting may ask for: the largest documented page.</summary>
    public const int MaxPageSize = 10_000;

    private ImmutableSortedDictionary<string, int> _sizes = ImmutableSortedDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The overrides in force, by entity set.</summary>
    public IReadOnlyDictionary<string, int> Current => Volatile.Read(ref _sizes);

    /// <summary>The page size of a collection.</summary>
    /// <param name="entitySet">The entity set, e.g. <c>Alerts</c>.</param>
    /// <param name="documented">The documented page size.</param>
    /// <returns>The override, or <paramref name="documented"/>.</returns>
    public int For(string entitySet, int documented) => Volatile.Read(ref _sizes).TryGetValue(entitySet, out var size) ? size : documented;

    /// <summary>Sets or removes overrides, all at once.</summary>
    /// <param name="changes">Entity set → page size, or <see langword="null"/> for the documented size again.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size outside 1–<see cref="MaxPageSize"/>.</exception>
    public void Update(IReadOnlyDictionary<string, int?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ImmutableSortedDictionary<string, int> before, after;
        do
        {
            before = Volatile.Read(ref _sizes);
            after = before;
            foreach (var (entitySet, size) in changes)
            {
                if (size is { } value)
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxPageSize);
                    after = after.SetItem(entitySet, value);
                }
                else
                {
                    after = after.Remove(entitySet);
                }
            }
        }
        while (Interlocked.CompareExchange(ref _sizes, after, before) != before);
    }
}
