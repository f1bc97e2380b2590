using System.Threading.Channels;
using DefenderApi.Emulator.Hosting;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Journal;

/// <summary>A bounded, thread-safe record of recent exchanges, searchable by error <c>target</c>.</summary>
internal sealed class ExchangeJournal(IOptions<EmulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly JournalEntry?[] _ring = new JournalEntry?[options.Value.JournalCapacity];
    private readonly int _detailed = options.Value.JournalDetailCapacity;
    private readonly Dictionary<string, JournalEntry> _byTarget = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ChannelWriter<JournalEntry>> _subscribers = [];
    private long _count;

    /// <summary>Records an exchange, evicting the oldest when full, and hands its summary to every subscriber.</summary>
    /// <param name="entry">The exchange; its <see cref="JournalEntry.Id"/> is assigned here.</param>
    public void Record(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            entry = entry with { Id = _count + 1 };
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
            ForgetDetailsBeyondCapacity();
            if (_subscribers.Count > 0)
            {
                var summary = entry.Summary();
                foreach (var subscriber in _subscribers)
                {
                    subscriber.TryWrite(summary);
                }
            }
        }
    }

    // The entry that just fell out of the newest JournalDetailCapacity keeps its summary only. In the long fuzz run
    // (100,000 hostile requests) a journal of 10,000 detailed entries left the process at 444-464 MB RSS; the bound is 400.
    private void ForgetDetailsBeyondCapacity()
    {
        if (_count <= _detailed || _detailed >= _ring.Length)
        {
            return;
        }

        var slot = (int)((_count - 1 - _detailed) % _ring.Length);
        if (_ring[slot] is { Request: not null } or { Response: not null })
        {
            var summary = _ring[slot]!.Summary();
            _ring[slot] = summary;
            if (summary.Error is { } error)
            {
                _byTarget[error.Target] = summary;
            }
        }
    }

    /// <summary>
    /// The summaries of exchanges recorded from the moment of this call on, until <paramref name="cancellationToken"/>
    /// fires. A reader that falls more than <paramref name="backlog"/> entries behind loses the oldest unread ones.
    /// </summary>
    /// <param name="backlog">Unread entries kept for the subscriber.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <returns>The entries, in the order recorded.</returns>
    public IAsyncEnumerable<JournalEntry> Subscribe(int backlog, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<JournalEntry>(new BoundedChannelOptions(backlog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel.Writer);
        }

        // Ending the subscription unregisters it and completes the channel, so the reader ends without an exception.
        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel.Writer);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader.ReadAllAsync(CancellationToken.None);
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
