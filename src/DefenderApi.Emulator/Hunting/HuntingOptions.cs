namespace DefenderApi.Emulator.Hunting;

/// <summary>Advanced hunting settings (configuration section <c>Emulator:Hunting</c>).</summary>
internal sealed record HuntingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:Hunting";

    /// <summary>Factor applied to measured query time before it is charged to the CPU quota (tests raise it to exhaust the quota).</summary>
    public double CpuChargeMultiplier { get; init; } = 1.0;

    /// <summary>Events the demo seed generates per tenant across the event tables.</summary>
    public int DemoEvents { get; init; } = 10_000;

    /// <summary>
    /// The most demo machines the demo hunting data is about (the first by id; the alerts on them are described and
    /// their triggering events generated). A cap, so that a tenant of 100,000 machines still starts fast.
    /// </summary>
    public int DemoDevices { get; init; } = 50;

    /// <summary>The problems with these settings, empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CpuChargeMultiplier < 0)
        {
            problems.Add($"{Section}:CpuChargeMultiplier must not be negative.");
        }

        if (DemoEvents < 0)
        {
            problems.Add($"{Section}:DemoEvents must not be negative.");
        }

        if (DemoDevices < 1)
        {
            problems.Add($"{Section}:DemoDevices must be at least 1.");
        }

        return problems;
    }
}
