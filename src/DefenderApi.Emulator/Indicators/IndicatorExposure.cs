using System.Globalization;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Indicators;

/// <summary>
/// Whether the caller is exposed to an indicator's device groups (<see href="https://learn.microsoft.com/defender-endpoint/api/batch-delete-ti-indicators">Batch Delete Indicators API</see>: "If requestor isn't
/// exposed to any indicator's device groups - 403"). An indicator scoped to device groups (by <c>rbacGroupIds</c> or
/// by <c>rbacGroupNames</c>, resolved through the machines' groups) is exposed when the caller sees at least one of
/// them; an unscoped indicator (all devices) is exposed to everyone. Applications see every group.
/// </summary>
internal sealed class IndicatorExposure(EmulatorDbContext db, CallerAccess access)
{
    /// <summary>The first of <paramref name="indicators"/> (in their order) the caller is not exposed to.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <returns>The hidden indicator, or <see langword="null"/> when the caller is exposed to all.</returns>
    public async Task<Indicator?> FirstHiddenAsync(IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var scope = await access.GetDeviceGroupsAsync(cancellationToken);
        if (scope.All || indicators.All(i => i.RbacGroupIds.Count == 0 && i.RbacGroupNames.Count == 0))
        {
            return null;
        }

        var names = indicators.SelectMany(i => i.RbacGroupNames).Distinct(StringComparer.Ordinal).ToList();
        var groups = await db.Machines().Where(m => m.RbacGroupName != null && m.RbacGroupId != null && names.Contains(m.RbacGroupName))
            .Select(m => new { Name = m.RbacGroupName!, Id = m.RbacGroupId!.Value }).Distinct().ToListAsync(cancellationToken);
        var idsByName = groups.ToLookup(g => g.Name, g => g.Id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return indicators.FirstOrDefault(indicator =>
            (indicator.RbacGroupIds.Count > 0 || indicator.RbacGroupNames.Count > 0)
            && !indicator.RbacGroupIds.Concat(indicator.RbacGroupNames.SelectMany(n => idsByName[n])).Any(scope.Includes));
    }
}
