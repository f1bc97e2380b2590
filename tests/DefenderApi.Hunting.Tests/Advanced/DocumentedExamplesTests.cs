using System.Text.Json.Nodes;

namespace DefenderApi.Hunting.Tests.Advanced;

/// <summary>
/// The examples of the Kusto documentation's function and operator pages (cited by page name), with the results those
/// pages show, run through the compiler and SQLite.
/// </summary>
[Collection(HuntingDataCollection.Name)]
public sealed class DocumentedExamplesTests(HuntingDataFixture data)
{
    private string Scalar(string expression) => Value(data.Run($"print r = {expression}").Results.Single()["r"]);

    private static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    [Theory]
    [InlineData("countof(\"aaa\", \"a\")", "3")] // countof() page
    [InlineData("countof(\"aaaa\", \"aa\")", "3")]
    [InlineData("countof(\"ababa\", \"ab\", \"normal\")", "2")]
    [InlineData("countof(\"ababa\", \"aba\", \"regex\")", "1")]
    [InlineData("countof(\"abcabc\", \"a.c\", \"regex\")", "2")]
    [InlineData("datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31))", "17")] // datetime_diff() page
    [InlineData("datetime_diff('quarter', datetime(2017-07-01), datetime(2017-03-30))", "2")]
    [InlineData("datetime_diff('month', datetime(2017-01-01), datetime(2015-12-30))", "13")]
    [InlineData("datetime_diff('week', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))", "5")]
    [InlineData("datetime_diff('day', datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))", "29")]
    [InlineData("datetime_diff('hour', datetime(2017-10-31 01:00), datetime(2017-10-30 23:59))", "2")]
    [InlineData("datetime_diff('minute', datetime(2017-10-30 23:05:01), datetime(2017-10-30 23:00:59))", "5")]
    [InlineData("datetime_diff('second', datetime(2017-10-30 23:00:10.100), datetime(2017-10-30 23:00:00.900))", "10")]
    [InlineData("datetime_diff('millisecond', datetime(2017-10-30 23:00:00.200100), datetime(2017-10-30 23:00:00.100900))", "100")]
    [InlineData("datetime_diff('nanosecond', datetime(2017-10-30 23:00:00.0000000), datetime(2017-10-30 23:00:00.0000007))", "-700")]
    [InlineData("datetime_add('month', 1, datetime(2017-01-31))", "2017-02-28T00:00:00.0000000Z")] // datetime_add() page
    [InlineData("datetime_add('year', -5, datetime(2017-01-01))", "2012-01-01T00:00:00.0000000Z")]
    [InlineData("datetime_part('quarter', datetime(2017-07-01))", "3")] // datetime_part() page
    [InlineData("startofweek(datetime(2017-01-01 10:10:17))", "2017-01-01T00:00:00.0000000Z")] // startofweek() page
    [InlineData("startofweek(datetime(2017-01-01 10:10:17), 1)", "2017-01-08T00:00:00.0000000Z")]
    [InlineData("startofmonth(datetime(2017-01-01 10:10:17), -1)", "2016-12-01T00:00:00.0000000Z")] // startofmonth() page
    [InlineData("endofday(datetime(2017-01-01 10:10:17))", "2017-01-01T23:59:59.9999999Z")] // endofday() page
    [InlineData("bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0))", "2017-05-14T12:00:00.0000000Z")] // bin_at() page
    [InlineData("bin_at(6.5, 2.5, 7)", "4.5")]
    [InlineData("bin_at(1h, 1d, 12h)", "-12:00:00")]
    [InlineData("format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]')", "17-01-29 [09:00:05]")] // format_datetime() page
    [InlineData("format_datetime(datetime(2017-01-29 09:00:05), 'yyyy-M-dd [H:mm:ss]')", "2017-1-29 [9:00:05]")]
    [InlineData("split('aa_bb', '_', 1)", "[\"bb\"]")] // split() page
    [InlineData("split('aaa_bbb_ccc', '_', 1)", "[\"bbb\"]")]
    [InlineData("strcat_array(dynamic([1, 2, 3]), '->')", "1->2->3")] // strcat_array() page
    [InlineData("array_slice(dynamic([1,2,3,4,5,6,7,8,9,10]), 1, 3)", "[2,3,4]")] // array_slice() page
    [InlineData("array_slice(dynamic([1,2,3,4,5,6,7,8,9,10]), -3, -2)", "[8,9]")]
    [InlineData("set_union(dynamic([1, 2, 3]), dynamic([3, 4]))", "[1,2,3,4]")] // set_union() page
    [InlineData("set_intersect(dynamic([1, 2, 3]), dynamic([3, 4, 1]))", "[1,3]")]
    [InlineData("set_difference(dynamic([1, 2, 3]), dynamic([2]))", "[1,3]")]
    [InlineData("set_has_element(dynamic(['this', 'is', 'an', 'example']), 'example')", "true")]
    [InlineData("array_index_of(dynamic(['this', 'is', 'an', 'example']), 'example')", "3")]
    [InlineData("array_index_of(dynamic(['this', 'is']), 'nothing')", "-1")]
    [InlineData("ipv4_is_private('192.168.1.1/24')", "true")] // ipv4_is_private() page
    [InlineData("ipv4_is_private('10.1.2.3/24')", "true")]
    [InlineData("ipv4_is_private('202.1.2.3')", "false")]
    [InlineData("ipv4_is_private('127.0.0.1')", "false")]
    [InlineData("ipv4_is_in_range('192.168.1.6', '192.168.1.1/24')", "true")] // ipv4_is_in_range() page
    [InlineData("ipv4_is_in_range('192.168.1.1', '192.168.2.1/24')", "false")]
    [InlineData("parse_ipv4('127.0.0.1')", "2130706433")] // parse_ipv4() page
    [InlineData("parse_ipv4('192.1.168.1') < parse_ipv4('192.1.168.255')", "true")]
    [InlineData("ipv4_compare('127.0.0.1', '127.0.0.1')", "0")]
    [InlineData("ipv4_compare('192.168.1.1', '192.168.1.255')", "-1")]
    [InlineData("base64_encode_tostring('Kusto1')", "S3VzdG8x")] // base64_encode_tostring() page
    [InlineData("base64_decode_tostring('S3VzdG8x')", "Kusto1")]
    [InlineData("base64_decode_toarray('S3VzdG8=')", "[75,117,115,116,111]")]
    [InlineData("url_encode('https://www.bing.com/')", "https%3A%2F%2Fwww.bing.com%2F")]
    [InlineData("url_decode('https%3a%2f%2fwww.bing.com%2f')", "https://www.bing.com/")]
    [InlineData("extract_all(@'(\\d+)', 'a1b22c333')", "[\"1\",\"22\",\"333\"]")]
    [InlineData("extract_all(@'(\\w)(\\w+)(\\w)', 'The price of PINEAPPLE')", "[[\"T\",\"h\",\"e\"],[\"p\",\"ric\",\"e\"],[\"P\",\"INEAPPL\",\"E\"]]")]
    [InlineData("replace_regex('Number is 42', @'is (\\d+)', @'was: \\1')", "Number was: 42")] // replace_regex() page
    [InlineData("trim(@'[^\\w]+', '--https://bing.com--')", "https://bing.com")] // trim() page
    [InlineData("trim_start(@'[^\\w]+', '--https://bing.com--')", "https://bing.com--")]
    [InlineData("trim_end(@'[^\\w]+', '--https://bing.com--')", "--https://bing.com")]
    [InlineData("tobool('true')", "true")]
    [InlineData("tobool('false')", "false")]
    [InlineData("tobool(1)", "true")]
    [InlineData("tobool(123)", "true")]
    [InlineData("min_of(10, 1, -3, 17)", "-3")] // min_of() page
    [InlineData("max_of(10, 1, -3, 17)", "17")]
    [InlineData("indexof('abcdefg', 'cde')", "2")] // indexof() page
    [InlineData("indexof('abcdefg', 'z')", "-1")]
    [InlineData("reverse('ABCDEF')", "FEDCBA")]
    [InlineData("strcat_delim('-', 1, '2', 'A', 1s)", "1-2-A-00:00:01")]
    [InlineData("pack_array(1, 2, 3)", "[1,2,3]")]
    [InlineData("bag_pack('Level', 'Information', 'ProviderName', 'Kernel')", "{\"Level\":\"Information\",\"ProviderName\":\"Kernel\"}")]
    [InlineData("dayofweek(datetime(1947-11-30 10:00:05))", "00:00:00")] // dayofweek() page
    [InlineData("dayofweek(datetime(1970-05-11))", "1.00:00:00")]
    [InlineData("make_datetime(2017, 10, 01, 12, 10)", "2017-10-01T12:10:00.0000000Z")]
    [InlineData("unixtime_seconds_todatetime(1546300800)", "2019-01-01T00:00:00.0000000Z")]
    [InlineData("hash_sha256('World')", "78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524")]
    public void Function_GivesTheDocumentedResult(string expression, string expected) => Assert.Equal(expected, Scalar(expression));

    [Fact]
    public void ParsePath_SplitsTheDocumentedPaths() // parse_path() page
    {
        Assert.Equal(
            "{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}",
            Scalar("parse_path(@'C:\\temp\\file.txt')"));
        Assert.Equal(
            "{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some.exe\"}",
            Scalar("parse_path('file://C:/temp/file.txt:some.exe')"));
        Assert.Equal("temp", Value(data.Run("print p = parse_path('/usr/lib/temp/file.txt') | project d = tostring(p.DirectoryName)").Results[0]["d"]));
    }

    [Fact]
    public void ParseUrl_GivesTheDocumentedParts() // parse_url() page
    {
        var url = JsonNode.Parse(Scalar("parse_url('scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment')"))!;
        Assert.Equal("scheme", url["Scheme"]!.GetValue<string>());
        Assert.Equal("host", url["Host"]!.GetValue<string>());
        Assert.Equal("1234", url["Port"]!.GetValue<string>());
        Assert.Equal("/this/is/a/path", url["Path"]!.GetValue<string>());
        Assert.Equal("username", url["Username"]!.GetValue<string>());
        Assert.Equal("password", url["Password"]!.GetValue<string>());
        Assert.Equal("v2", url["Query Parameters"]!["k2"]!.GetValue<string>());
        Assert.Equal("fragment", url["Fragment"]!.GetValue<string>());
    }

    [Fact]
    public void MvExpand_DocumentedExamples() // mv-expand operator page
    {
        RowAssert.Equal(
            [RowAssert.V(1L, 10L), RowAssert.V(1L, 20L), RowAssert.V(2L, "\"a\""), RowAssert.V(2L, "\"b\"")],
            data.Run("datatable (a: int, b: dynamic) [1, dynamic([10, 20]), 2, dynamic(['a', 'b'])] | mv-expand b"));
        RowAssert.Equal(
            [RowAssert.V(1L, "{\"prop1\":\"a1\"}"), RowAssert.V(1L, "{\"prop2\":\"b1\"}")],
            data.Run("datatable (a: int, b: dynamic) [1, dynamic({\"prop1\": \"a1\", \"prop2\": \"b1\"})] | mv-expand b"));
        RowAssert.Equal(
            [RowAssert.V(1L, "[\"prop1\",\"a1\"]", "prop1", "a1"), RowAssert.V(1L, "[\"prop2\",\"b1\"]", "prop2", "b1")],
            data.Run("datatable (a: int, b: dynamic) [1, dynamic({\"prop1\": \"a1\", \"prop2\": \"b1\"})] | mv-expand kind=array b | extend key = tostring(b[0]), val = tostring(b[1])"));
        RowAssert.Equal(
            [RowAssert.V(1L, "\"a\"", 2L), RowAssert.V(1L, "\"b\"", 3L), RowAssert.V(1L, null, 4L)],
            data.Run("datatable (a: int, b: dynamic, c: dynamic) [1, dynamic(['a', 'b']), dynamic([2, 3, 4])] | mv-expand b, c"));
        RowAssert.Equal(
            [RowAssert.V(1L, string.Empty), RowAssert.V(3L, "x")],
            data.Run("datatable (a: int, b: dynamic) [1, dynamic(null), 2, dynamic([]), 3, dynamic(['x'])] | mv-expand b to typeof(string)"));
        RowAssert.Equal(
            [RowAssert.V(0L, 10L), RowAssert.V(1L, 20L)],
            data.Run("datatable (b: dynamic) [dynamic([10, 20, 30])] | mv-expand with_itemindex=i b limit 2 | project i, b"));
    }

    [Fact]
    public void Parse_DocumentedTraceExample() => RowAssert.Equal( // parse operator page
        [RowAssert.V("PipelineScheduler", 27L, 23L, "02/17/2016 08:40:01", new DateTime(2016, 2, 17, 8, 40, 1, DateTimeKind.Utc))],
        data.Run("""
            datatable(EventText:string) ["Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)"]
            | parse EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices:long * "sliceNumber=" sliceNumber:long * "lockTime=" lockTime ", releaseTime=" releaseTime:date "," * "previousLockTime=" previousLockTime:date ")" *
            | project resourceName, totalSlices, sliceNumber, lockTime, releaseTime
            """));

    [Fact]
    public void Lookup_DoesNotRepeatTheKeyColumns() => RowAssert.Equal( // lookup operator page
        [RowAssert.V("a", 1L, "A"), RowAssert.V("b", 2L, string.Empty), RowAssert.V("c", 3L, "C")],
        data.Run("datatable(k:string, v:long) ['a', 1, 'b', 2, 'c', 3] | lookup (datatable(k:string, name:string) ['a', 'A', 'c', 'C']) on k"));

    [Fact]
    public void JoinKinds_RightSemiRightAntiFullOuter()
    {
        const string Left = "datatable(k:string, l:long) ['a', 1, 'b', 2]";
        const string Right = "(datatable(k:string, r:long) ['b', 20, 'c', 30])";
        RowAssert.Equal([RowAssert.V("b", 20L)], data.Run($"{Left} | join kind=rightsemi {Right} on k"));
        RowAssert.Equal([RowAssert.V("c", 30L)], data.Run($"{Left} | join kind=rightanti {Right} on k"));
        RowAssert.Equal(
            [RowAssert.V("a", 1L, string.Empty, null), RowAssert.V("b", 2L, "b", 20L), RowAssert.V(string.Empty, null, "c", 30L)],
            data.Run($"{Left} | join kind=fullouter {Right} on k"));
        RowAssert.Equal(
            [RowAssert.V("b", 2L, "b", 20L), RowAssert.V(string.Empty, null, "c", 30L)],
            data.Run($"{Left} | join kind=rightouter {Right} on k"));
    }

    [Fact]
    public void Let_UserDefinedFunctions_ScalarTabularDefaultsAndInvoke()
    {
        RowAssert.Equal([RowAssert.V(11L, 3L)], data.Run("let f = (a:long, b:long = 10) { a + b }; print x = f(1), y = f(1, 2)"));
        RowAssert.Equal([RowAssert.V(7L)], data.Run("let g = (x:long) { let twice = x * 2; twice + 1 }; print r = g(3)"));
        RowAssert.Equal(
            [RowAssert.V("a", 10L)],
            data.Run("let Big = (T:(v:long), min:long) { T | where v >= min }; Big(datatable(k:string, v:long) ['a', 10, 'b', 1], 5)"));
        RowAssert.Equal(
            [RowAssert.V("a", 10L, "A")],
            data.Run("let Up = (T:(*)) { T | extend u = toupper(k) }; datatable(k:string, v:long) ['a', 10] | invoke Up()"));
    }

    [Fact]
    public void Serialize_RowNumberPrevNext_FollowTheSortOrder() => RowAssert.Equal(
        [RowAssert.V(1L, 1L, null, 3L), RowAssert.V(2L, 3L, 1L, 7L), RowAssert.V(3L, 7L, 3L, null)],
        data.Run("datatable(v:long) [7, 1, 3] | sort by v asc | extend n = row_number(), p = prev(v), q = next(v) | project n, v, p, q"),
        ordered: true);

    [Fact]
    public void TopNested_KeepsTheTopGroupsPerLevel() => RowAssert.Equal( // top-nested operator page
        [RowAssert.V("x", 6L, "p", 4L), RowAssert.V("y", 5L, "r", 5L)],
        data.Run("datatable(a:string, b:string, n:long) ['x', 'p', 4, 'x', 'q', 2, 'y', 'r', 5, 'z', 's', 1] | top-nested 2 of a by sum(n), top-nested 1 of b by sum(n)"));

    [Fact]
    public void ProjectReorderAndKeep_OrderColumns()
    {
        Assert.Equal(["c", "a", "b"], data.Run("datatable(a:long, b:long, c:long) [1, 2, 3] | project-reorder c").Schema.Select(c => c.Name));
        Assert.Equal(["a", "c"], data.Run("datatable(a:long, b:long, c:long) [1, 2, 3] | project-keep c, a").Schema.Select(c => c.Name));
    }

    [Fact]
    public void Render_ReturnsTheTable() => RowAssert.Equal(
        [RowAssert.V(1L)], data.Run("datatable(a:long) [1] | render timechart with (title='x')"));
}
