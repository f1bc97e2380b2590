namespace DefenderApi.Emulator.Alerts;

/// <summary>Alert settings (section <c>Emulator:Alerts</c>).</summary>
internal sealed record AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:Alerts";

    /// <summary>
    /// The most alert ids one batchUpdate accepts. <see href="https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts">Batch Update alert entities API</see> documents no maximum; realistic batches
    /// (hundreds) pass, and a cap keeps one call bounded.
    /// </summary>
    public int MaxBatchUpdate { get; init; } = 1_000;
}
