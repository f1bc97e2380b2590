using DefenderApi.Client;

namespace DefenderApi.Testing;

/// <summary>How a <see cref="DefenderEmulator"/> starts.</summary>
public sealed record DefenderEmulatorOptions
{
    /// <summary><c>demo</c> (the deterministic demo data set) or <c>none</c> (only the default tenant and app). Default <c>demo</c>.</summary>
    public string Seed { get; set; } = "demo";

    /// <summary>
    /// Runs the emulator on a fake clock starting at <see cref="StartTime"/>, moved only by
    /// <see cref="DefenderEmulator.AdvanceClock"/>. Default: the real clock.
    /// </summary>
    public bool VirtualClock { get; set; }

    /// <summary>The start of the virtual clock.</summary>
    public DateTimeOffset StartTime { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Extra emulator settings (configuration key → value), e.g. <c>Emulator:DemoMachines</c>.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Changes the options of <see cref="DefenderEmulator.Client"/>. The kit's default client never waits between retries
    /// (zero backoff, <c>Retry-After</c> capped at zero) so throttled paths run instantly; set real delays here to test them.
    /// </summary>
    public Action<DefenderClientOptions>? ConfigureClient { get; set; }
}
