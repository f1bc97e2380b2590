using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Hunting;

/// <summary>Aggregations SQLite lacks: percentiles (nearest rank), variance and standard deviation, make_bag.</summary>
public static partial class HuntingSqlFunctions
{
    internal const string Percentile = "kql_percentile";
    internal const string Variance = "kql_variance";
    internal const string MakeBag = "kql_make_bag";

    private static void RegisterAggregates(SqliteConnection connection)
    {
        connection.CreateAggregate<double?, double, (List<double>? Values, double Percent), double?>(
            Percentile,
            (null, 0),
            (state, value, percent) =>
            {
                var values = state.Values ?? [];
                if (value is { } v)
                {
                    values.Add(v);
                }

                return (values, percent);
            },
            state => state.Values is null ? null : NearestRank(state.Values, state.Percent),
            isDeterministic: true);
        connection.CreateAggregate<double?, long, (long N, double Mean, double M2, long Mode), double?>(
            Variance,
            (0, 0, 0, 0),
            (s, value, mode) =>
            {
                if (value is not { } x)
                {
                    return s with { Mode = mode };
                }

                var n = s.N + 1;
                var delta = x - s.Mean;
                var mean = s.Mean + (delta / n);
                return (n, mean, s.M2 + (delta * (x - mean)), mode);
            },
            s => VarianceResult(s.N, s.M2, s.Mode),
            isDeterministic: true);
        connection.CreateAggregate<string?, JsonObject?, string?>(
            MakeBag,
            null,
            (bag, json) =>
            {
                if (Parse(json) is JsonObject add)
                {
                    bag ??= [];
                    foreach (var (key, value) in add)
                    {
                        if (!bag.ContainsKey(key))
                        {
                            bag[key] = value?.DeepClone();
                        }
                    }
                }

                return bag;
            },
            bag => (bag ?? []).ToJsonString(JsonOptions),
            isDeterministic: true);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of values at or below it.</summary>
    internal static double? NearestRank(List<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = (int)Math.Ceiling(percent / 100 * values.Count);
        return values[Math.Clamp(rank, 1, values.Count) - 1];
    }

    /// <summary>Mode bit 0: population (divide by n) instead of sample (n - 1); bit 1: the square root (standard deviation).</summary>
    private static double? VarianceResult(long n, double m2, long mode)
    {
        if (n == 0)
        {
            return null;
        }

        var population = (mode & 1) != 0;
        var variance = population ? m2 / n : n < 2 ? 0 : m2 / (n - 1);
        return (mode & 2) != 0 ? Math.Sqrt(variance) : variance;
    }
}
