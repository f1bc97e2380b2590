using System.Globalization;
using System.Text;
using DefenderApi.Emulator.OData.Rows;

namespace DefenderApi.Emulator.Tests.OData;

public sealed class Utf8InstantTests
{
    public static TheoryData<long> Instants =>
    [
        DateTime.MinValue.Ticks,
        DateTime.MaxValue.Ticks,
        new DateTime(2019, 1, 2, 14, 39, 38, DateTimeKind.Utc).Ticks,
        new DateTime(2019, 1, 2, 14, 39, 38, DateTimeKind.Utc).Ticks + 2_262_283,
        new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc).Ticks + 1_000_000,
        new DateTime(2026, 11, 25, 23, 59, 59, DateTimeKind.Utc).Ticks + 1,
        new DateTime(2024, 2, 29, 9, 5, 7, DateTimeKind.Utc).Ticks + 120,
    ];

    [Theory]
    [MemberData(nameof(Instants))]
    public void Format_WritesWhatTheApiSerializerWrites(long ticks)
    {
        Span<byte> text = stackalloc byte[Utf8Instant.MaxLength];
        var written = Utf8Instant.Format(ticks, text);

        var expected = new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(expected, Encoding.ASCII.GetString(text[..written]));
    }
}
