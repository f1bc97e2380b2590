namespace DefenderApi.Emulator.Admin;

/// <summary>
/// A reader/writer gate around the store: every API and token request holds a read lease for its whole run; reset,
/// restore and snapshot take the write lease, which waits for running requests and holds new ones back (writers
/// first, so a reset is never starved). No request ever sees the store half reset.
/// </summary>
internal sealed class StoreGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _readers;
    private int _waitingWriters;
    private bool _writing;

    /// <summary>Waits for a read lease (no writer running or waiting).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; dispose it to release.</returns>
    public async ValueTask<Lease> EnterReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (!_writing && _waitingWriters == 0)
                {
                    _readers++;
                    return new Lease(this, writer: false);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits for the write lease (no reader and no other writer running).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; dispose it to release.</returns>
    public async ValueTask<Lease> EnterWriteAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _waitingWriters++;
        }

        try
        {
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    if (!_writing && _readers == 0)
                    {
                        _writing = true;
                        _waitingWriters--;
                        return new Lease(this, writer: true);
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _waitingWriters--;
                Signal();
            }

            throw;
        }
    }

    private void Exit(bool writer)
    {
        lock (_lock)
        {
            if (writer)
            {
                _writing = false;
            }
            else
            {
                _readers--;
            }

            Signal();
        }
    }

    // Wakes every waiter to re-check; called under the lock.
    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A held lease.</summary>
    public readonly struct Lease : IDisposable, IEquatable<Lease>
    {
        private readonly StoreGate? _gate;
        private readonly bool _writer;

        internal Lease(StoreGate gate, bool writer)
        {
            _gate = gate;
            _writer = writer;
        }

        /// <summary>Releases the lease.</summary>
        public void Dispose() => _gate?.Exit(_writer);

        /// <inheritdoc />
        public bool Equals(Lease other) => ReferenceEquals(_gate, other._gate) && _writer == other._writer;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is Lease other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(_gate, _writer);

        /// <summary>Equality.</summary>
        public static bool operator ==(Lease left, Lease right) => left.Equals(right);

        /// <summary>Inequality.</summary>
        public static bool operator !=(Lease left, Lease right) => !left.Equals(right);
    }
}

/// <summary>Holds a read lease on <see cref="StoreGate"/> for every request outside the admin API.</summary>
internal sealed class StoreGateMiddleware(RequestDelegate next, StoreGate gate)
{
    /// <summary>Runs the rest of the pipeline inside a read lease.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }

        using var lease = await gate.EnterReadAsync(context.RequestAborted);
        await next(context);
    }
}
