using System.Globalization;

namespace DefenderApi.Hunting.Syntax;

/// <summary>Decoding of timespan and datetime literal text.</summary>
internal static class Literals
{
    private static readonly Dictionary<string, long> TimeSpanUnits = new(StringComparer.Ordinal)
    {
        ["d"] = TimeSpan.TicksPerDay, ["day"] = TimeSpan.TicksPerDay, ["days"] = TimeSpan.TicksPerDay,
        ["h"] = TimeSpan.TicksPerHour, ["hr"] = TimeSpan.TicksPerHour, ["hrs"] = TimeSpan.TicksPerHour,
        ["hour"] = TimeSpan.TicksPerHour, ["hours"] = TimeSpan.TicksPerHour,
        ["m"] = TimeSpan.TicksPerMinute, ["min"] = TimeSpan.TicksPerMinute, ["minute"] = TimeSpan.TicksPerMinute,
        ["minutes"] = TimeSpan.TicksPerMinute,
        ["s"] = TimeSpan.TicksPerSecond, ["sec"] = TimeSpan.TicksPerSecond, ["second"] = TimeSpan.TicksPerSecond,
        ["seconds"] = TimeSpan.TicksPerSecond,
        ["ms"] = TimeSpan.TicksPerMillisecond, ["milli"] = TimeSpan.TicksPerMillisecond, ["millis"] = TimeSpan.TicksPerMillisecond,
        ["millisecond"] = TimeSpan.TicksPerMillisecond, ["milliseconds"] = TimeSpan.TicksPerMillisecond,
        ["microsecond"] = 10, ["microseconds"] = 10, ["tick"] = 1, ["ticks"] = 1,
    };

    public static long ParseTimeSpan(Token token)
    {
        var text = token.Text;
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        var unit = text[unitStart..];
        if (!TimeSpanUnits.TryGetValue(unit, out var ticksPerUnit))
        {
            throw KqlErrors.Syntax(token.Position, $"'{unit}' is not a timespan unit (use d, h, m, s, ms, microsecond or tick)");
        }

        var amount = double.Parse(text[..unitStart], CultureInfo.InvariantCulture);
        var ticks = amount * ticksPerUnit;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            throw KqlErrors.Syntax(token.Position, $"the timespan {text} is out of range");
        }

        return (long)ticks;
    }

    public static object? ParseDateTime(Token token)
    {
        if (token.Text == "null")
        {
            return null;
        }

        if (DateTime.TryParse(token.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        throw KqlErrors.Syntax(token.Position, $"'{token.Text}' is not a valid datetime literal");
    }
}
