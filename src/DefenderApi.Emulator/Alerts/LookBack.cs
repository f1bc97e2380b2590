using System.Globalization;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Alerts;

/// <summary>The <c>lookBackHours</c> query parameter of the statistics calls: optional, default 30 days, at most 720.</summary>
internal static class LookBack
{
    /// <summary>The documented maximum (and default) in hours.</summary>
    public const int MaxHours = 720;

    /// <summary>Parses the parameter.</summary>
    /// <param name="value">The raw value, or <see langword="null"/>.</param>
    /// <returns>The window length.</returns>
    /// <exception cref="DefenderErrorException">Not an integer from 1 to 720 (InvalidInput).</exception>
    public static TimeSpan Parse(string? value)
    {
        if (value is null)
        {
            return TimeSpan.FromHours(MaxHours);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= MaxHours
            ? TimeSpan.FromHours(hours)
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{value}' for lookBackHours; expected an integer from 1 to {MaxHours}"));
    }
}
