using DefenderApi.Client;

namespace DefenderApi.Testing;

/// <summary>How a <see cref="DefenderEmulator"/> starts.</summary>
public sealed record DefenderEmulatorOptions
{
    /// <summary><c>demo</c> (the deterministic demo data set) or <c>none</c> (only the default tenant and app). Default <c>demo</c>.</summary>
    public string Seed { get; set; } = "demo";

    /// <summary>
    /// Runs the emulator on a fake clock starting at <see cref="StartTime"/>, moved only by
    /// <see cref="DefenderEmulator.AdvanceClock"/>. Default: the real clock. On the virtual clock the demo set is seeded
    /// at a fixed instant, so it is kept as an image in the temp folder (<c>defenderapi-demo</c>) and later starts and
    /// new demo tenants at that instant restore it instead of seeding (setting <c>Emulator:DemoImage</c> to
    /// <c>false</c> switches that off).
    /// </summary>
    public bool VirtualClock { get; set; }

    /// <summary>The start of the virtual clock.</summary>
    public DateTimeOffset StartTime { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Extra emulator settings (configuration key → value), e.g. <c>Emulator:DemoMachines</c>.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Changes the options of <see cref="DefenderEmulator.Client"/>. The kit's default client does not back off between
    /// retries and waits only for a <c>Retry-After</c> of at most one second (what injected 429s ask): a real rate-limit
    /// answer surfaces at once as <c>TooManyRequests</c>. Set real delays here to test waiting.
    /// </summary>
    public Action<DefenderClientOptions>? ConfigureClient { get; set; }

    /// <summary>
    /// Configures the in-process emulator's logging. By default it logs nothing and prints no start-up banner: the
    /// emulator runs inside the test process, whose console is the test runner's. Add providers here to see its logs
    /// (e.g. <c>logging =&gt; logging.AddConsole()</c>).
    /// </summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? ConfigureLogging { get; set; }
}
