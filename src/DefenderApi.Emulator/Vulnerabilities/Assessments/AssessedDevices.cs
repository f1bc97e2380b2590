using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// The devices an export covers: the tenant's machines in the caller's device groups (a delegated user sees only
/// their groups' devices, as in the machines list), by id.
/// </summary>
internal static class AssessedDevices
{
    public static async Task<Dictionary<string, Machine>> LoadAsync(EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var visible = await db.Machines().VisibleToAsync(access, cancellationToken);
        return await visible.ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The export's <c>osArchitecture</c>: the processor family (<c>x64</c>, <c>arm64</c>) the machine reports.</summary>
    public static string? ArchitectureOf(Machine machine) => machine.OsProcessor;

    /// <summary>Where a product lives on a device, by platform (the same paths in every export).</summary>
    public static (IReadOnlyList<string> DiskPaths, IReadOnlyList<string> RegistryPaths) PathsOf(Machine machine, string vendor, string name)
    {
        if (machine.OsPlatform.StartsWith("Windows", StringComparison.Ordinal))
        {
            return ([$@"C:\Program Files\{vendor}\{name}"], [$@"HKEY_LOCAL_MACHINE\SOFTWARE\{vendor}\{name}"]);
        }

        return machine.OsPlatform switch
        {
            "macOS" => ([$"/Applications/{name}.app"], []),
            "Linux" => ([$"/usr/lib/{name}"], []),
            _ => ([], []),
        };
    }
}
