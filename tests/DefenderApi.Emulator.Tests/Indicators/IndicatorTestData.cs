using System.Globalization;
using System.Text;

namespace DefenderApi.Emulator.Tests.Indicators;

/// <summary>Indicator bodies for tests.</summary>
internal static class IndicatorTestData
{
    private static int _counter;

    /// <summary>A fresh SHA-1 no other test uses.</summary>
    public static string UniqueSha1() => Interlocked.Increment(ref _counter).ToString("x", CultureInfo.InvariantCulture).PadLeft(40, 'a');

    /// <summary>An indicator body with the documented required fields.</summary>
    public static string Body(string type, string value, string action = "Alert", string extra = "") =>
        $$"""{"indicatorValue":"{{value}}","indicatorType":"{{type}}","action":"{{action}}","title":"t","description":"d"{{extra}}}""";

    /// <summary>An import body of <paramref name="count"/> distinct SHA-1 indicators.</summary>
    public static string ImportBody(int count)
    {
        var items = Enumerable.Range(0, count).Select(_ => Body("FileSha1", UniqueSha1()));
        return new StringBuilder("""{"Indicators":[""").AppendJoin(',', items).Append("]}").ToString();
    }

    /// <summary>JSON content.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
