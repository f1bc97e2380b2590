using DefenderApi.Errors;

namespace DefenderApi.Hunting.Tests.Safety;

/// <summary>Random token soup must only ever earn a 400 (or run): never another exception type.</summary>
[Collection(HuntingDataCollection.Name)]
public sealed class FuzzTests(HuntingDataFixture data)
{
    private static readonly string[] Vocabulary =
    [
        "DeviceProcessEvents", "DeviceInfo", "DeviceNetworkEvents", "AlertInfo", "Nope", "FileName", "Timestamp", "DeviceId", "FileSize",
        "AdditionalFields", "RemotePort", "IsLocalAdmin", "x", "$left", "$right", "$table", "|", "|", "|", "where", "project", "extend",
        "summarize", "by", "count", "count()", "join", "kind=", "inner", "leftouter", "on", "union", "search", "in", "let", "=", ";",
        "take", "top", "sort", "order", "asc", "desc", "distinct", "project-away", "project-rename", "mv-expand", "==", "!=", "=~",
        "!~", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "and", "or", "not", "(", ")", "(", ")", "[", "]", "{", "}", ",", ".", "..",
        "contains", "!contains", "has", "has_any", "startswith", "endswith_cs", "in~", "!in", "between", "matches", "regex",
        "\"cmd.exe\"", "'a'", "@\"C:\\x\"", "\"", "'", "1", "0", "-1", "3.5", "1d", "2h", "30m", "10s", "7x", "99999999999999999999",
        "datetime(2026-01-01)", "datetime(", "dynamic([1,2])", "dynamic({\"a\":1})", "dynamic(", "ago(1d)", "now()", "bin(Timestamp, 1h)",
        "tolower(", "strcat(", "split(", "parse_json(", "tostring(", "toint(", "iff(", "case(", "coalesce(", "arg_max(", "make_set(",
        "sum(", "avg(", "dcount(", "countif(", "toscalar(", "substring(", "array_length(", "true", "false", "null", "#", "`", "\\", "\n",
        "//comment\n", "?", "~", "!", "@", "h'x'", "withsource=", "hint.strategy=", "nulls", "first", "last",
    ];

    [Fact]
    public void RandomTokenSoup_OnlyEverBadRequest()
    {
        var random = new Random(20260301);
        var limits = HuntingLimits.Documented with { MaxRows = 50 };
        var ran = 0;
        for (var i = 0; i < 4000; i++)
        {
            var length = random.Next(1, 14);
            var tokens = Enumerable.Range(0, length).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            var query = (random.Next(3) == 0 ? "DeviceProcessEvents | " : string.Empty) + string.Join(random.Next(4) == 0 ? string.Empty : " ", tokens);
            try
            {
                data.Run(query, limits);
                ran++;
            }
            catch (DefenderErrorException e) when (e.Code == DefenderErrorCode.BadRequest)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Query <{query}> threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(ran > 0, "Some generated queries should be valid and run.");
    }

    private static readonly string[] ValidQueries =
    [
        "DeviceProcessEvents | where Timestamp > ago(7d) | summarize count() by DeviceName | top 10 by count_",
        "let s = dynamic([\"a\",\"b\"]); DeviceProcessEvents | where FileName in~ (s) | project FileName, x = strcat(FileName, 1)",
        "DeviceInfo | summarize arg_max(Timestamp, *) by DeviceId | join kind=leftouter (DeviceNetworkInfo) on $left.DeviceId == $right.DeviceId",
        "DeviceEvents | extend F = parse_json(tostring(AdditionalFields)) | where F.ThreatName has 'x' | project T = tostring(F[\"ThreatName\"])",
        "union withsource=S DeviceFileEvents, (DeviceImageLoadEvents | take 3) | summarize make_set(FileName), dcount(SHA1) by S",
        "search in (DeviceNetworkEvents) \"malicious\" | extend y = iff(RemotePort between (1 .. 500), 'low', 'high') | sort by Timestamp asc",
        "DeviceLogonEvents | where ActionType == 'LogonFailed' and LogonType !in ('Network') | summarize countif(IsLocalAdmin), min(Timestamp) by bin(Timestamp, 1h)",
        "let t = DeviceProcessEvents | where FileName matches regex @'^p.*' | distinct DeviceId; DeviceInfo | where DeviceId in (t) | project-away Initiating* | count",
    ];

    [Fact]
    public void MutatedValidQueries_OnlyEverBadRequest()
    {
        var random = new Random(7);
        var limits = HuntingLimits.Documented with { MaxRows = 20 };
        for (var i = 0; i < 3000; i++)
        {
            var query = ValidQueries[random.Next(ValidQueries.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(query.Length);
                query = random.Next(3) switch
                {
                    0 => query.Remove(at, Math.Min(random.Next(1, 6), query.Length - at)),
                    1 => query.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]),
                    _ => query.Insert(at, query.Substring(random.Next(query.Length), 1)),
                };
            }

            try
            {
                data.Run(query, limits);
            }
            catch (DefenderErrorException e) when (e.Code == DefenderErrorCode.BadRequest)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Query <{query}> threw {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
