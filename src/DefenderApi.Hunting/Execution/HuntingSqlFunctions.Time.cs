using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>Calendar functions over datetimes stored as ticks: datetime_add/diff/part, start/end of periods, format_datetime.</summary>
public static partial class HuntingSqlFunctions
{
    internal const string DateTimeAdd = "kql_datetime_add";
    internal const string DateTimeDiff = "kql_datetime_diff";
    internal const string DateTimePart = "kql_datetime_part";
    internal const string StartOf = "kql_startof";
    internal const string FormatDateTime = "kql_format_datetime";
    internal const string ToTimeSpan = "kql_totimespan";
    internal const string MakeDateTime = "kql_make_datetime";

    private static void RegisterTime(SqliteConnection connection)
    {
        connection.CreateFunction<string?, long?, long?, long?>(DateTimeAdd, (part, amount, ticks) => part is null || amount is null || ticks is null ? null : Guard(() => Add(part, amount.Value, new DateTime(ticks.Value)).Ticks), isDeterministic: true);
        connection.CreateFunction<string?, long?, long?, long?>(DateTimeDiff, (part, a, b) => part is null || a is null || b is null ? null : Guard(() => Diff(part, new DateTime(a.Value), new DateTime(b.Value)) ?? throw new ArgumentOutOfRangeException(nameof(part))), isDeterministic: true);
        connection.CreateFunction<string?, long?, long?>(DateTimePart, (part, ticks) => part is null || ticks is null ? null : Part(part, new DateTime(ticks.Value)), isDeterministic: true);
        connection.CreateFunction<string, long?, long?, long?>(StartOf, (unit, ticks, offset) => ticks is null ? null : Guard(() => Start(unit, new DateTime(ticks.Value), offset ?? 0).Ticks), isDeterministic: true);
        connection.CreateFunction<long?, string?, string?>(FormatDateTime, (ticks, format) => ticks is null || format is null ? null : Format(new DateTime(ticks.Value), format), isDeterministic: true);
        connection.CreateFunction<object?, long?>(ToTimeSpan, ParseTimeSpanValue, isDeterministic: true);
        connection.CreateFunction<long?, long?, long?, long?, long?, double?, long?>(MakeDateTime, (y, mo, d, h, mi, s) => y is null || mo is null || d is null ? null : Guard(() => new DateTime((int)y, (int)mo, (int)d, 0, 0, 0, DateTimeKind.Utc).Ticks + ((h ?? 0) * TimeSpan.TicksPerHour) + ((mi ?? 0) * TimeSpan.TicksPerMinute) + (long)((s ?? 0) * TimeSpan.TicksPerSecond)), isDeterministic: true);
    }

    private static long? Guard(Func<long> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static DateTime Add(string part, long amount, DateTime value) => part.ToLowerInvariant() switch
    {
        "year" => value.AddYears(checked((int)amount)),
        "quarter" => value.AddMonths(checked((int)amount * 3)),
        "month" => value.AddMonths(checked((int)amount)),
        "week" => value.AddDays(amount * 7),
        "day" => value.AddDays(amount),
        "hour" => value.AddHours(amount),
        "minute" => value.AddMinutes(amount),
        "second" => value.AddSeconds(amount),
        "millisecond" => value.AddMilliseconds(amount),
        "microsecond" => value.AddTicks(amount * 10),
        "nanosecond" => value.AddTicks(amount / 100),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The number of period boundaries between the two values (datetime_diff counts calendar periods, not elapsed time).</summary>
    private static long? Diff(string part, DateTime a, DateTime b) => part.ToLowerInvariant() switch
    {
        "year" => a.Year - b.Year,
        "quarter" => ((a.Year - b.Year) * 4) + ((a.Month - 1) / 3) - ((b.Month - 1) / 3),
        "month" => ((a.Year - b.Year) * 12) + a.Month - b.Month,
        "week" => (Start("week", a, 0) - Start("week", b, 0)).Ticks / TimeSpan.TicksPerDay / 7,
        "day" => (a.Date - b.Date).Ticks / TimeSpan.TicksPerDay,
        "hour" => (a.Ticks / TimeSpan.TicksPerHour) - (b.Ticks / TimeSpan.TicksPerHour),
        "minute" => (a.Ticks / TimeSpan.TicksPerMinute) - (b.Ticks / TimeSpan.TicksPerMinute),
        "second" => (a.Ticks / TimeSpan.TicksPerSecond) - (b.Ticks / TimeSpan.TicksPerSecond),
        "millisecond" => (a.Ticks / TimeSpan.TicksPerMillisecond) - (b.Ticks / TimeSpan.TicksPerMillisecond),
        "microsecond" => (a.Ticks / 10) - (b.Ticks / 10),
        "nanosecond" => (a.Ticks - b.Ticks) * 100,
        _ => null,
    };

    private static long? Part(string part, DateTime value) => part.ToLowerInvariant() switch
    {
        "year" => value.Year,
        "quarter" => ((value.Month - 1) / 3) + 1,
        "month" => value.Month,
        "week_of_year" or "weekofyear" => ISOWeek.GetWeekOfYear(value),
        "day" => value.Day,
        "dayofyear" => value.DayOfYear,
        "hour" => value.Hour,
        "minute" => value.Minute,
        "second" => value.Second,
        "millisecond" => value.Millisecond,
        "microsecond" => (value.Ticks % TimeSpan.TicksPerSecond) / 10,
        "nanosecond" => (value.Ticks % TimeSpan.TicksPerSecond) * 100,
        _ => null,
    };

    /// <summary>startofday/week/month/year and endof*: the start (or the last tick) of the period, moved by <paramref name="offset"/> periods.</summary>
    private static DateTime Start(string unit, DateTime value, long offset)
    {
        var end = unit.StartsWith("end", StringComparison.Ordinal);
        var period = end ? unit[3..] : unit;
        var start = period switch
        {
            "day" => value.Date.AddDays(offset),
            "week" => value.Date.AddDays(-(int)value.DayOfWeek).AddDays(offset * 7),
            "month" => new DateTime(value.Year, value.Month, 1).AddMonths(checked((int)offset)),
            _ => new DateTime(value.Year, 1, 1).AddYears(checked((int)offset)),
        };
        if (!end)
        {
            return start;
        }

        var next = period switch
        {
            "day" => start.AddDays(1),
            "week" => start.AddDays(7),
            "month" => start.AddMonths(1),
            _ => start.AddYears(1),
        };
        return next.AddTicks(-1);
    }

    /// <summary>format_datetime: the documented specifiers (d, f, F, h, H, m, M, s, t, y) and separators; anything else gives null.</summary>
    private static string? Format(DateTime value, string format)
    {
        foreach (var c in format)
        {
            if (!"dfFhHmMsty/-:,._[] ".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var escaped = format.Replace("[", "'['", StringComparison.Ordinal).Replace("]", "']'", StringComparison.Ordinal)
            .Replace("/", "'/'", StringComparison.Ordinal).Replace(":", "':'", StringComparison.Ordinal);
        return value.ToString(escaped.Length == 1 ? "%" + escaped : escaped, CultureInfo.InvariantCulture);
    }

    private static long? ParseTimeSpanValue(object? value) => value switch
    {
        long l => l,
        double d => (long)d,
        string s when TimeSpan.TryParse(s.Trim(), CultureInfo.InvariantCulture, out var span) => span.Ticks,
        _ => null,
    };
}
