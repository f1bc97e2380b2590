using DefenderApi.Emulator.Hosting;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Journal;

/// <summary>A bounded, thread-safe record of recent exchanges, searchable by error <c>target</c>.</summary>
public sealed class ExchangeJournal(IOptions<EmulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly JournalEntry?[] _ring = new JournalEntry?[options.Value.JournalCapacity];
    private readonly Dictionary<string, JournalEntry> _byTarget = new(StringComparer.OrdinalIgnoreCase);
    private long _count;

    /// <summary>Records an exchange, evicting the oldest when full.</summary>
    /// <param name="entry">The exchange.</param>
    public void Record(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var slot = (int)(_count % _ring.Length);
            if (_ring[slot]?.Error is { } evicted)
            {
                _byTarget.Remove(evicted.Target);
            }

            _ring[slot] = entry;
            if (entry.Error is { } error)
            {
                _byTarget[error.Target] = entry;
            }

            _count++;
        }
    }

    /// <summary>Finds the exchange whose error answer carried <paramref name="target"/>.</summary>
    /// <param name="target">The error target.</param>
    /// <returns>The exchange, or <see langword="null"/>.</returns>
    public JournalEntry? FindByTarget(string target)
    {
        lock (_gate)
        {
            return _byTarget.GetValueOrDefault(target);
        }
    }

    /// <summary>The most recent exchanges, newest first, that match <paramref name="filter"/>.</summary>
    /// <param name="limit">How many at most.</param>
    /// <param name="filter">A predicate, or <see langword="null"/> for all.</param>
    /// <returns>The exchanges.</returns>
    public IReadOnlyList<JournalEntry> Latest(int limit, Func<JournalEntry, bool>? filter = null)
    {
        var result = new List<JournalEntry>(Math.Min(limit, 256));
        lock (_gate)
        {
            var available = (int)Math.Min(_count, _ring.Length);
            for (var i = 1; i <= available && result.Count < limit; i++)
            {
                var entry = _ring[(int)((_count - i) % _ring.Length)]!;
                if (filter is null || filter(entry))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    /// <summary>Forgets every exchange.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _byTarget.Clear();
            _count = 0;
        }
    }
}
