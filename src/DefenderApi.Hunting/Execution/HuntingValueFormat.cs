using System.Globalization;

namespace DefenderApi.Hunting;

/// <summary>How the service writes values: datetimes in UTC ISO 8601 with seven fractional digits and a Z.</summary>
public static class HuntingValueFormat
{
    /// <summary>Formats a datetime stored as ticks.</summary>
    /// <param name="ticks">.NET ticks (UTC).</param>
    /// <returns>e.g. <c>2020-02-05T01:10:26.2648757Z</c>.</returns>
    public static string DateTime(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
