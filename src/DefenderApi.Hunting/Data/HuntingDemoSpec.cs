namespace DefenderApi.Hunting;

/// <summary>A device the demo data is about (the machines the emulator serves).</summary>
/// <param name="DeviceId">The machine id (40 hex characters).</param>
/// <param name="DeviceName">The computer DNS name.</param>
/// <param name="OsPlatform">e.g. <c>Windows11</c>, <c>Linux</c>, <c>macOS</c>.</param>
public sealed record HuntingDevice(string DeviceId, string DeviceName, string OsPlatform);

/// <summary>An alert the demo data is about (so AlertInfo/AlertEvidence agree with the alerts API).</summary>
/// <param name="AlertId">The alert id.</param>
/// <param name="Title">The title.</param>
/// <param name="Severity">Informational, Low, Medium or High.</param>
/// <param name="Category">e.g. <c>Execution</c>.</param>
/// <param name="DeviceId">The device it fired on.</param>
/// <param name="Timestamp">When it fired.</param>
public sealed record HuntingAlert(string AlertId, string Title, string Severity, string Category, string DeviceId, DateTimeOffset Timestamp);

/// <summary>What to generate.</summary>
/// <param name="Seed">Same seed and inputs, same rows.</param>
/// <param name="Devices">The devices.</param>
/// <param name="UserNames">Account names.</param>
/// <param name="EventCount">Rows spread over the seven event tables.</param>
/// <param name="Now">The end of the generated period (events span the 35 days before it, a few outside the 30-day lookback).</param>
/// <param name="Alerts">Alerts to describe; when <see langword="null"/>, a few are made up on the devices.</param>
public sealed record HuntingDemoSpec(
    int Seed,
    IReadOnlyList<HuntingDevice> Devices,
    IReadOnlyList<string> UserNames,
    int EventCount,
    DateTimeOffset Now,
    IReadOnlyList<HuntingAlert>? Alerts = null);
