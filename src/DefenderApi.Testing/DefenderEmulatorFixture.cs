using Xunit;

namespace DefenderApi.Testing;

/// <summary>
/// An xUnit v3 fixture owning one <see cref="DefenderEmulator"/>: use it as a class fixture
/// (<c>IClassFixture&lt;DefenderEmulatorFixture&gt;</c>) or an assembly fixture
/// (<c>[assembly: AssemblyFixture(typeof(DefenderEmulatorFixture))]</c>). Subclass and override
/// <see cref="CreateOptions"/> for other start options and <see cref="OnStartedAsync"/> to load data.
/// </summary>
public class DefenderEmulatorFixture : IAsyncLifetime
{
    private DefenderEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    public DefenderEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture has not been initialized.");

    /// <summary>The start options; the default starts the demo data set on the real clock.</summary>
    /// <returns>The options.</returns>
    protected virtual DefenderEmulatorOptions CreateOptions() => new();

    /// <summary>Prepares the started emulator for the tests (load data, change settings); runs once.</summary>
    /// <param name="emulator">The started emulator.</param>
    /// <returns>A task that completes when prepared.</returns>
    protected virtual ValueTask OnStartedAsync(DefenderEmulator emulator) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _emulator = await DefenderEmulator.StartAsync(CreateOptions()).ConfigureAwait(false);
        await OnStartedAsync(_emulator).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
