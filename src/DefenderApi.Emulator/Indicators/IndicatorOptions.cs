namespace DefenderApi.Emulator.Indicators;

/// <summary>Indicator limits (section <c>Emulator:Indicators</c>).</summary>
internal sealed record IndicatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Emulator:Indicators";

    /// <summary>The documented batch size of import and BatchDelete.</summary>
    public const int MaxBatchSize = 500;

    /// <summary>Active (unexpired) indicators allowed per tenant; the pages document 15,000.</summary>
    public int MaxActivePerTenant { get; init; } = 15_000;
}
