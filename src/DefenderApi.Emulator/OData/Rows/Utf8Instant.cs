namespace DefenderApi.Emulator.OData.Rows;

/// <summary>
/// Formats UTC ticks as the API writes instants, <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c> (fraction without trailing zeros,
/// no dot when whole), straight into UTF-8: the custom-format path of <see cref="DateTime.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// was a fifth of writing a machine row.
/// </summary>
internal static class Utf8Instant
{
    /// <summary>The longest text: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public const int MaxLength = 28;

    /// <summary>Writes <paramref name="ticks"/> into <paramref name="destination"/>.</summary>
    /// <param name="ticks">UTC ticks.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>The bytes written.</returns>
    public static int Format(long ticks, Span<byte> destination)
    {
        var (year, month, day) = new DateTime(ticks, DateTimeKind.Utc);
        var time = ticks % TimeSpan.TicksPerDay;
        var seconds = time / TimeSpan.TicksPerSecond;
        var fraction = (int)(time % TimeSpan.TicksPerSecond);

        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), (int)(seconds / 3600));
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), (int)(seconds / 60 % 60));
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), (int)(seconds % 60));
        var length = 19;
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            destination[length++] = (byte)'.';
            Digits(destination.Slice(length, digits), fraction);
            length += digits;
        }

        destination[length++] = (byte)'Z';
        return length;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
