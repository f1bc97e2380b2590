using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>How machine actions progress (see docs/admin.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MachineActionMode>))]
internal enum MachineActionMode
{
    /// <summary>Actions succeed as soon as they are created.</summary>
    [JsonStringEnumMemberName("immediate")]
    Immediate,

    /// <summary>Pending, InProgress after half of <see cref="MachineActionSettings.Seconds"/>, Succeeded after all of it.</summary>
    [JsonStringEnumMemberName("timed")]
    Timed,

    /// <summary>Pending until <c>POST /_emulator/tenants/{t}/machineactions/{id}/complete</c>.</summary>
    [JsonStringEnumMemberName("manual")]
    Manual,
}

/// <summary>The machine action settings.</summary>
/// <param name="Mode">How actions progress.</param>
/// <param name="Seconds">Duration of a timed action.</param>
internal sealed record MachineActionSettings(
    [property: JsonPropertyName("mode")] MachineActionMode Mode,
    [property: JsonPropertyName("seconds")] int Seconds)
{
    /// <summary>The defaults: timed, 5 seconds.</summary>
    public static readonly MachineActionSettings Default = new(MachineActionMode.Timed, 5);
}

/// <summary>
/// The current machine action settings (singleton). Actions take the settings in force when they are created;
/// changing them does not move actions already created.
/// </summary>
internal sealed class MachineActionSettingsStore
{
    private MachineActionSettings _current = MachineActionSettings.Default;

    /// <summary>The settings in force.</summary>
    public MachineActionSettings Current => Volatile.Read(ref _current);

    /// <summary>Replaces the settings.</summary>
    /// <param name="settings">The new settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">Seconds is negative or above a day.</exception>
    public void Update(MachineActionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Seconds, 86_400);
        Volatile.Write(ref _current, settings);
    }
}
