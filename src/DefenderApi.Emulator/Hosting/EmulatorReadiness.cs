namespace DefenderApi.Emulator.Hosting;

/// <summary>Completes once start-up (migrations, seed) is done; <c>/_emulator/health</c> answers 503 until then.</summary>
internal sealed class EmulatorReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether start-up is complete.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when start-up is complete; faults if start-up failed.</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Marks start-up complete.</summary>
    public void MarkReady() => _ready.TrySetResult();

    /// <summary>Marks start-up failed.</summary>
    /// <param name="error">What failed.</param>
    public void MarkFailed(Exception error) => _ready.TrySetException(error);
}
