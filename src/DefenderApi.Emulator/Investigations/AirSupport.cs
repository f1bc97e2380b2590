using DefenderApi.Emulator.Machines;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Investigations;

/// <summary>
/// The operating systems automated investigation supports (<see href="https://learn.microsoft.com/defender-endpoint/api/initiate-autoir-investigation">Start Investigation API</see>): Windows 11; Windows 10
/// 1709 (build 16299) or later; Windows Server 2019 and later; Azure Stack HCI 23H2 and later.
/// </summary>
internal static class AirSupport
{
    /// <summary>The first Windows 10 build AIR supports (1709).</summary>
    public const long MinimumWindows10Build = 16299;

    private static readonly HashSet<string> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        "Windows11", "Windows10", "WindowsServer2019", "WindowsServer2022", "WindowsServer2025", "AzureStackHCI",
    };

    /// <summary>Whether AIR runs on the machine.</summary>
    /// <param name="machine">The machine.</param>
    /// <returns><see langword="null"/> when supported, else the error.</returns>
    public static DefenderError? Check(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!Platforms.Contains(machine.OsPlatform))
        {
            return DefenderErrors.OsPlatformNotSupported(machine.OsPlatform);
        }

        return machine.OsPlatform.Equals("Windows10", StringComparison.OrdinalIgnoreCase) && machine.OsBuild is < MinimumWindows10Build
            ? DefenderErrors.ClientVersionNotSupported("Automated investigation", $"10.0.{MinimumWindows10Build}")
            : null;
    }
}
