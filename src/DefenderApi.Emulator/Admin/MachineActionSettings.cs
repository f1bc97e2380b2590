namespace DefenderApi.Emulator.Admin;

/// <summary>How machine actions move from <c>Pending</c> to a final status.</summary>
public enum MachineActionMode
{
    /// <summary>Final as soon as created.</summary>
    Immediate,

    /// <summary>Final after <see cref="MachineActionSettings.Seconds"/> on the emulator's clock.</summary>
    Timed,

    /// <summary>Final only through <c>POST /_emulator/tenants/{tenantId}/machineactions/{id}/complete</c>.</summary>
    Manual,
}

/// <summary>The machine-action lifecycle settings (<c>machineActions</c> of <c>/_emulator/settings</c>; default timed, 5 s).</summary>
public sealed class MachineActionSettings
{
    private State _state = new(MachineActionMode.Timed, 5);

    /// <summary>The mode.</summary>
    public MachineActionMode Mode => Volatile.Read(ref _state).Mode;

    /// <summary>Seconds until a timed action completes.</summary>
    public int Seconds => Volatile.Read(ref _state).Seconds;

    /// <summary>Replaces both values at once.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="seconds">Seconds until a timed action completes.</param>
    public void Update(MachineActionMode mode, int seconds) => Volatile.Write(ref _state, new State(mode, seconds));

    private sealed record State(MachineActionMode Mode, int Seconds);
}
