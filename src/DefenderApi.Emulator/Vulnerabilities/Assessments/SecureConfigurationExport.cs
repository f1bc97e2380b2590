using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// <c>GET /api/machines/SecureConfigurationsAssessmentByMachine</c>: one row per device and configuration of
/// <see cref="SecureConfigurationCatalog"/> for the device's OS family. A configuration that is also a security
/// recommendation (<c>scid-2010</c>, <c>scid-91</c>) is non-compliant exactly on the devices listing that
/// recommendation; the others are decided by a stable function of device and configuration (no stored state).
/// </summary>
internal static class SecureConfigurationExport
{
    public const string EntityType = "AssessmentConfiguration";

    public static async Task<List<AssessmentConfiguration>> RowsAsync(
        EmulatorDbContext db, IReadOnlyDictionary<string, Machine> devices, CancellationToken cancellationToken)
    {
        var recommended = await db.Set<SecurityRecommendation>().Select(r => r.Id).ToListAsync(cancellationToken);
        var open = (await db.Set<MachineRelatedItem>().Where(i => i.Kind == RelatedKind.Recommendations)
                .Select(i => new { i.MachineId, i.Id }).ToListAsync(cancellationToken))
            .Select(i => (i.MachineId, i.Id)).ToHashSet();

        return [.. devices.Values
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .SelectMany(m => SecureConfigurationCatalog.For(m.OsPlatform).Select(check => Row(m, check, recommended.Contains(check.Id), open.Contains((m.Id, check.Id)))))];
    }

    private static AssessmentConfiguration Row(Machine machine, ConfigurationCheck check, bool isRecommendation, bool recommendedOnDevice)
    {
        var applicable = !check.ClientOnly || !machine.OsPlatform.StartsWith("WindowsServer", StringComparison.Ordinal);
        var compliant = !applicable || (isRecommendation ? !recommendedOnDevice : StableBucket(machine.Id, check.Id) != 0);
        return new AssessmentConfiguration
        {
            DeviceId = machine.Id,
            DeviceName = machine.ComputerDnsName,
            OsPlatform = machine.OsPlatform,
            OsVersion = machine.Version,
            RbacGroupName = machine.RbacGroupName,
            ConfigurationId = check.Id,
            ConfigurationCategory = check.Category,
            ConfigurationSubcategory = check.Subcategory,
            ConfigurationImpact = check.Impact,
            IsCompliant = compliant,
            IsApplicable = applicable,
            IsExpectedUserImpact = check.ExpectedUserImpact,
            RecommendationReference = $"sca-_-{check.Id}",
            Timestamp = machine.LastSeen,
        };
    }

    // One configuration in four fails on a device; the same device and configuration always land in the same bucket.
    private static int StableBucket(string deviceId, string configurationId) =>
        ((deviceId.Sum(c => c) * 31) + configurationId.Sum(c => c)) % 4;
}

/// <summary>A configuration assessed on a device (the assessment export's <c>AssessmentConfiguration</c>).</summary>
internal sealed record AssessmentConfiguration
{
    /// <summary>The device.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device's name.</summary>
    public required string DeviceName { get; init; }

    /// <summary>The device's platform.</summary>
    public required string OsPlatform { get; init; }

    /// <summary>The device's OS version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The device group.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>The configuration, <c>scid-N</c>.</summary>
    public required string ConfigurationId { get; init; }

    /// <summary>Category (as the recommendations' <c>recommendationCategory</c>).</summary>
    public required string ConfigurationCategory { get; init; }

    /// <summary>Subcategory.</summary>
    public required string ConfigurationSubcategory { get; init; }

    /// <summary>Impact on the configuration score (1–10).</summary>
    public required double ConfigurationImpact { get; init; }

    /// <summary>Whether the device is configured as recommended.</summary>
    public required bool IsCompliant { get; init; }

    /// <summary>Whether the configuration applies to the device.</summary>
    public required bool IsApplicable { get; init; }

    /// <summary>Whether applying it is expected to affect users.</summary>
    public required bool IsExpectedUserImpact { get; init; }

    /// <summary>The security recommendation, <c>sca-_-scid-N</c>.</summary>
    public required string RecommendationReference { get; init; }

    /// <summary>When the device was last assessed.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
