using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client.Tests.Query;

public sealed class ODataQueryTests
{
    private static string Decoded<T>(ODataQuery<T> query) => Uri.UnescapeDataString(query.ToString());

    [Fact]
    public void Filter_ComparisonsAndDates_TranslateToODataWithWireNames()
    {
        var since = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var query = new ODataQuery<Machine>().Filter(m => m.HealthStatus == "Active" && m.LastSeen > since);

        Assert.Equal("healthStatus eq 'Active' and lastSeen gt 2026-01-02T03:04:05Z", query.FilterText);
    }

    [Fact]
    public void Filter_ValueOnTheLeft_IsMirrored()
    {
        var since = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("lastSeen ge 2026-01-02T00:00:00Z", new ODataQuery<Machine>().Filter(m => since <= m.LastSeen).FilterText);
    }

    [Fact]
    public void Filter_OrNotAndFunctions_AreGroupedCorrectly()
    {
        var query = new ODataQuery<Machine>()
            .Filter(m => (m.RiskScore == "High" || m.RiskScore == "Medium") && !m.ComputerDnsName!.StartsWith("test"))
            .Filter(m => m.MachineTags!.Contains("VIP"));

        Assert.Equal(
            "((riskScore eq 'High' or riskScore eq 'Medium') and not (startswith(computerDnsName,'test'))) and (machineTags/any(x: x eq 'VIP'))",
            query.FilterText);
    }

    [Fact]
    public void Filter_LocalListContains_BecomesOrOfEqualities_AndQuotesAreDoubled()
    {
        string[] states = ["Pending", "InProgress"];
        var name = "O'Brien";

        var query = new ODataQuery<MachineAction>().Filter(a => states.Contains(a.Status) && a.Requestor == name);

        Assert.Equal("(status eq 'Pending' or status eq 'InProgress') and requestor eq 'O''Brien'", query.FilterText);
    }

    [Fact]
    public void Filter_NumbersNullsGuidsAndRenamedProperties()
    {
        var device = Guid.Parse("80fe8ff8-2624-418e-9591-41f0491218f9");

        Assert.Equal("osBuild ge 22000", new ODataQuery<Machine>().Filter(m => m.OsBuild >= 22000).FilterText);
        Assert.Equal("aadDeviceId eq 80fe8ff8-2624-418e-9591-41f0491218f9", new ODataQuery<Machine>().Filter(m => m.AadDeviceId == device).FilterText);
        Assert.Equal("assignedTo eq null", new ODataQuery<Alert>().Filter(a => a.AssignedTo == null).FilterText);
        Assert.Equal("externalID eq 'x'", new ODataQuery<Indicator>().Filter(i => i.ExternalId == "x").FilterText);
    }

    [Fact]
    public void TopSkipSelectOrderByExpand_FormTheQueryString()
    {
        var query = new ODataQuery<Alert>()
            .Top(50).Skip(100)
            .Select(a => a.Id, a => a.Severity)
            .OrderByDescending(a => a.AlertCreationTime).OrderBy(a => a.Id)
            .Expand(a => a.Evidence);

        Assert.Equal("?$top=50&$skip=100&$select=id,severity&$orderby=alertCreationTime desc,id&$expand=evidence", Decoded(query));
    }

    [Fact]
    public void QueryString_IsUrlEncoded()
    {
        var query = new ODataQuery<Machine>().Filter(m => m.ComputerDnsName == "a&b");

        Assert.Equal("?$filter=computerDnsName%20eq%20%27a%26b%27", query.ToString());
    }

    [Fact]
    public void Query_IsImmutable()
    {
        var baseQuery = new ODataQuery<Machine>().Top(10);

        _ = baseQuery.Skip(5);

        Assert.Equal("?$top=10", baseQuery.ToString());
    }

    [Fact]
    public void UntranslatableExpression_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => new ODataQuery<Machine>().Filter(m => m.ComputerDnsName!.Length > 3));
    }

    [Theory]
    [InlineData("EndsWith")]
    [InlineData("Contains")]
    public void StringFunctionsTheServiceRefuses_AreRefusedWhileTheQueryIsBuilt(string method)
    {
        var error = Assert.Throws<NotSupportedException>(() => new ODataQuery<Machine>().Filter(
            method == "EndsWith" ? m => m.ComputerDnsName!.EndsWith(".contoso.com") : m => m.ComputerDnsName!.Contains("web")));

        Assert.Contains($"string.{method}", error.Message, StringComparison.Ordinal);
        Assert.Contains("startswith", error.Message, StringComparison.Ordinal);
    }
}
