namespace DefenderApi.Emulator.Hosting;

/// <summary>Where the emulator keeps its data.</summary>
internal enum StorageKind
{
    /// <summary>An embedded SQLite file in <see cref="EmulatorOptions.DataDirectory"/>.</summary>
    Sqlite,

    /// <summary>A shared in-memory SQLite database; gone when the process ends.</summary>
    InMemory,
}

/// <summary>The emulator's settings (configuration section <c>Emulator</c>; env vars <c>Emulator__X</c>).</summary>
internal sealed record EmulatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Emulator";

    /// <summary>Storage kind; <c>--in-memory</c> sets <see cref="StorageKind.InMemory"/>.</summary>
    public StorageKind Storage { get; init; } = StorageKind.Sqlite;

    /// <summary>Folder of the SQLite file and the signing key.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Seed for the default tenant: <c>demo</c> or <c>none</c>.</summary>
    public string Seed { get; init; } = "demo";

    /// <summary>Number of machines the demo seed generates.</summary>
    public int DemoMachines { get; init; } = 1000;

    /// <summary>
    /// Number of alerts the demo seed generates, spread over the demo machines; <see langword="null"/> (the default)
    /// gives about one alert on every second machine.
    /// </summary>
    public int? DemoAlerts { get; init; }

    /// <summary>Seed of the deterministic demo generator.</summary>
    public int DemoRandomSeed { get; init; } = 20211203;

    /// <summary>
    /// Keeps the demo data as an image (an SQLite file per generator build, demo settings and seeding instant in
    /// <see cref="DemoImageDirectory"/>) and restores it instead of seeding again. Only on a clock whose instant repeats
    /// (not the system clock): the testing kit's virtual clock turns it on (docs/fidelity.md, "Demo data as an image").
    /// </summary>
    public bool DemoImage { get; init; }

    /// <summary>Where <see cref="DemoImage"/> keeps its files; by default <c>defenderapi-demo</c> in the temp folder.</summary>
    public string? DemoImageDirectory { get; init; }

    /// <summary>When set, time only moves through <c>POST /_emulator/clock/advance</c>.</summary>
    public bool VirtualClock { get; init; }

    /// <summary>When set, non-loopback callers may use the admin API by sending it in <c>x-emulator-admin-key</c>.</summary>
    public string? AdminKey { get; init; }

    /// <summary>How many exchanges the journal keeps.</summary>
    public int JournalCapacity { get; init; } = 10_000;

    /// <summary>
    /// Of those, how many of the newest keep their error exchange's headers and body start (older entries keep their
    /// summary and stay findable by <c>target</c>): the details are most of an entry's memory.
    /// </summary>
    public int JournalDetailCapacity { get; init; } = 1_000;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 30 * 1024 * 1024;

    /// <summary>Largest total size of request headers accepted, in bytes.</summary>
    public int MaxRequestHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>Most request headers accepted (Kestrel's own default, answered here with the envelope).</summary>
    public int MaxRequestHeaderCount { get; init; } = 100;

    /// <summary>Longest request line (method, target, version) accepted, in bytes (Kestrel's own default).</summary>
    public int MaxRequestLineBytes { get; init; } = 8 * 1024;

    /// <summary>Lists every problem with the options at once (empty when valid).</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Seed is not ("demo" or "none"))
        {
            problems.Add($"Seed must be 'demo' or 'none', not '{Seed}'.");
        }

        if (DemoMachines is < 0 or > 1_000_000)
        {
            problems.Add($"DemoMachines must be between 0 and 1,000,000, not {DemoMachines}.");
        }

        if (DemoAlerts is < 0 or > 10_000_000)
        {
            problems.Add($"DemoAlerts must be between 0 and 10,000,000, not {DemoAlerts}.");
        }

        if (JournalCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"JournalCapacity must be between 1 and 1,000,000, not {JournalCapacity}.");
        }

        if (JournalDetailCapacity < 0 || JournalDetailCapacity > JournalCapacity)
        {
            problems.Add($"JournalDetailCapacity must be between 0 and JournalCapacity ({JournalCapacity}), not {JournalDetailCapacity}.");
        }

        if (MaxRequestBodyBytes < 1024)
        {
            problems.Add("MaxRequestBodyBytes must be at least 1024.");
        }

        if (MaxRequestHeaderBytes < 1024)
        {
            problems.Add("MaxRequestHeaderBytes must be at least 1024.");
        }

        if (MaxRequestHeaderCount is < 10 or > KestrelLimits.HeaderCountCeiling)
        {
            problems.Add($"MaxRequestHeaderCount must be between 10 and {KestrelLimits.HeaderCountCeiling}.");
        }

        if (MaxRequestLineBytes is < 1024 or > KestrelLimits.RequestLineCeiling)
        {
            problems.Add($"MaxRequestLineBytes must be between 1024 and {KestrelLimits.RequestLineCeiling}.");
        }

        if (MaxRequestHeaderBytes > KestrelLimits.HeaderBytesCeiling)
        {
            problems.Add($"MaxRequestHeaderBytes must be at most {KestrelLimits.HeaderBytesCeiling}.");
        }

        if (Storage == StorageKind.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add("DataDirectory is required for SQLite storage.");
        }

        return problems;
    }
}
