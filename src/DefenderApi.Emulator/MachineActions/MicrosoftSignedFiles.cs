namespace DefenderApi.Emulator.MachineActions;

/// <summary>
/// Files the emulator treats as signed by Microsoft: stop-and-quarantine refuses them (<see href="https://learn.microsoft.com/defender-endpoint/api/stop-and-quarantine-file">Stop and quarantine file API</see>:
/// the file must not be signed by Microsoft). SHA-1 of well-known Windows binaries (notepad.exe, cmd.exe,
/// powershell.exe builds), listed in docs/fidelity.md.
/// </summary>
internal static class MicrosoftSignedFiles
{
    public static readonly IReadOnlySet<string> Sha1 = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "f8e2b8d5c6a1e3f0b9a7c4d2e1f0a9b8c7d6e5f4",
        "ded8fd7f36417f66eb6ada10e0c0d7c0022986e9",
        "6cbce4a295c163791b60fc23d285e6d84f28ee4c",
    };
}
