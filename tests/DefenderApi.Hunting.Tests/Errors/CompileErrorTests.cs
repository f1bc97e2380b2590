using DefenderApi.Errors;
using Microsoft.Extensions.Time.Testing;

namespace DefenderApi.Hunting.Tests.Errors;

public sealed class CompileErrorTests
{
    private static readonly KqlCompiler Compiler = new(new FakeTimeProvider(HuntingDataFixture.Now));

    private static string BadRequest(string query)
    {
        var e = Assert.Throws<DefenderErrorException>(() => Compiler.Compile(query));
        Assert.Equal(DefenderErrorCode.BadRequest, e.Code);
        Assert.Equal(400, e.Error.Status);
        return e.Error.Message;
    }

    [Fact]
    public void MissingPredicate_IsSyntaxErrorWithPositionAndExpectation() =>
        Assert.Equal("Syntax error at line 1, column 28: expected an expression but found end of query.", BadRequest("DeviceProcessEvents | where"));

    [Fact]
    public void SyntaxError_OnLaterLine_ReportsThatLine() =>
        Assert.StartsWith("Syntax error at line 3, column 1: expected an expression but found '|'", BadRequest("DeviceProcessEvents\n| where FileName ==\n| count"));

    [Fact]
    public void UnterminatedString_IsSyntaxError() =>
        Assert.Contains("unterminated string literal", BadRequest("DeviceProcessEvents | where FileName == \"cmd.exe"), StringComparison.Ordinal);

    [Fact]
    public void MissingCloseParenthesis_SaysWhatWasExpected() =>
        Assert.Contains("expected ')' or ','", BadRequest("DeviceProcessEvents | where tolower(FileName == 'a'"), StringComparison.Ordinal);

    [Fact]
    public void UnknownTable_IsNamed() =>
        Assert.Contains("'DeviceProcessEventz'", BadRequest("DeviceProcessEventz | count"), StringComparison.Ordinal);

    [Fact]
    public void UnknownColumn_IsNamed() =>
        Assert.Contains("failed to resolve scalar expression named 'FileNam'", BadRequest("DeviceProcessEvents | where FileNam == 'x'"), StringComparison.Ordinal);

    [Fact]
    public void UnknownColumn_InProjectAway_IsNamed() =>
        Assert.Contains("'Nope'", BadRequest("DeviceProcessEvents | project-away Nope"), StringComparison.Ordinal);

    [Fact]
    public void UnknownFunction_IsNamed() =>
        Assert.Contains("unknown function 'frobnicate'", BadRequest("DeviceProcessEvents | extend x = frobnicate(FileName)"), StringComparison.Ordinal);

    [Fact]
    public void SumOfString_IsTypeError() =>
        Assert.Contains("sum() needs a numeric argument, but it is string", BadRequest("DeviceProcessEvents | summarize sum(FileName)"), StringComparison.Ordinal);

    [Fact]
    public void WhereOnNonBool_IsTypeError() =>
        Assert.Contains("must be of type bool, but it is long", BadRequest("DeviceProcessEvents | where FileSize"), StringComparison.Ordinal);

    [Fact]
    public void ComparingStringWithNumber_IsTypeError() =>
        Assert.Contains("cannot compare string with long", BadRequest("DeviceProcessEvents | where FileName > 5"), StringComparison.Ordinal);

    [Fact]
    public void AgoOfString_IsTypeError() =>
        Assert.Contains("argument 1 of 'ago' must be timespan", BadRequest("DeviceProcessEvents | where Timestamp > ago('7d')"), StringComparison.Ordinal);

    [Fact]
    public void WrongArity_IsNamed() =>
        Assert.Contains("'strlen' expects 1 argument(s), but got 2", BadRequest("DeviceProcessEvents | extend n = strlen(FileName, 2)"), StringComparison.Ordinal);

    [Fact]
    public void AggregateOutsideSummarize_IsRefused() =>
        Assert.Contains("'count' can only be used in summarize", BadRequest("DeviceProcessEvents | extend n = count()"), StringComparison.Ordinal);

    [Theory]
    [InlineData("DeviceProcessEvents | make-series count() on Timestamp step 1d", "'make-series' operator")]
    [InlineData("DeviceProcessEvents | evaluate bag_unpack(AdditionalFields)", "'evaluate' operator")]
    [InlineData("range x from 1 to 3 step 1", "'range' operator")]
    [InlineData("find in (Device*) where FileName == 'x'", "a wildcard table name in find")]
    [InlineData("DeviceProcessEvents | parse flags=i ProcessCommandLine with * \"-f \" File", "parse flags=")]
    [InlineData("DeviceProcessEvents | top-nested 2 of FileName with others = 'x' by count()", "top-nested 'with others'")]
    [InlineData("DeviceProcessEvents | where ProcessCommandLine contains_any ('a')", "'contains_any' operator")]
    [InlineData("DeviceProcessEvents | where FileName like 'cmd%'", "'like' operator")]
    public void UnsupportedFeature_IsRefusedByName(string query, string named)
    {
        var message = BadRequest(query);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains("is not supported", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOperator_IsNamed() =>
        Assert.Contains("unknown query operator 'frobulate'", BadRequest("DeviceProcessEvents | frobulate"), StringComparison.Ordinal);

    [Fact]
    public void InvalidRegex_IsRefused() =>
        Assert.Contains("regular expression is invalid", BadRequest("DeviceProcessEvents | where FileName matches regex '(['"), StringComparison.Ordinal);

    [Fact]
    public void EmptyQuery_IsRefused() => Assert.Equal("The query is empty.", BadRequest("   "));

    [Fact]
    public void OnlyLetStatements_IsRefused() =>
        Assert.Contains("must end with a tabular expression", BadRequest("let x = 1;"), StringComparison.Ordinal);

    [Fact]
    public void BadTimespanUnit_IsSyntaxError() =>
        Assert.Contains("'w' is not a timespan unit", BadRequest("DeviceProcessEvents | where Timestamp > ago(2w)"), StringComparison.Ordinal);

    [Fact]
    public void HiddenTenantColumn_CannotBeNamed() =>
        Assert.Contains("'TenantId'", BadRequest("DeviceInfo | where TenantId == '22222222-2222-2222-2222-222222222222'"), StringComparison.Ordinal);
}
