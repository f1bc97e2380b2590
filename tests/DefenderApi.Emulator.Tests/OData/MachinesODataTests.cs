using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.OData;

public sealed class MachinesODataTests(DemoTenantFactory factory) : IClassFixture<DemoTenantFactory>
{
    [Fact]
    public async Task Filter_OnEnumAndStartsWith_ReturnsOnlyMatchingMachines()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$filter=healthStatus eq 'Active' and startswith(computerDnsName,'wks')");

        var machines = await ODataJson.ValuesAsync(response);
        Assert.NotEmpty(machines);
        Assert.All(machines, m =>
        {
            Assert.Equal("Active", m.GetProperty("healthStatus").GetString());
            Assert.StartsWith("wks", m.GetProperty("computerDnsName").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Filter_PropertyNamesAreCaseInsensitive_AsInTheDocsExamples()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$filter=RiskScore eq 'High'&$top=5");

        var machines = await ODataJson.ValuesAsync(response);
        Assert.InRange(machines.Count, 1, 5);
        Assert.All(machines, m => Assert.Equal("High", m.GetProperty("riskScore").GetString()));
    }

    [Fact]
    public async Task Filter_OnDatesAndTagsAndGroup_RunsInSql()
    {
        using var client = await factory.CreateApiClientAsync();
        var since = EmulatorFactory.StartTime.AddDays(-3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await client.GetAsync($"/api/machines?$filter=lastSeen gt {since} and rbacGroupId eq 140 and machineTags/any(t: t ne 'none')");

        var machines = await ODataJson.ValuesAsync(response);
        Assert.All(machines, m =>
        {
            Assert.True(m.GetProperty("lastSeen").GetDateTimeOffset() > EmulatorFactory.StartTime.AddDays(-3));
            Assert.Equal(140, m.GetProperty("rbacGroupId").GetInt64());
            Assert.NotEmpty(m.GetProperty("machineTags").EnumerateArray());
        });
    }

    [Fact]
    public async Task Filter_LambdaOverIpAddresses_UsesTheJsonNames()
    {
        using var client = await factory.CreateApiClientAsync();
        using var first = await client.GetAsync("/api/machines?$top=1");
        var ip = (await ODataJson.ValuesAsync(first))[0].GetProperty("lastIpAddress").GetString();
        using var response = await client.GetAsync($"/api/machines?$filter=ipAddresses/any(a: a/ipAddress eq '{ip}')");

        Assert.Contains(await ODataJson.ValuesAsync(response), m => m.GetProperty("lastIpAddress").GetString() == ip);
    }

    [Fact]
    public async Task TopSkipOrderByAndCount_PageThroughTheCollection()
    {
        using var client = await factory.CreateApiClientAsync();
        using var first = await client.GetAsync("/api/machines?$orderby=computerDnsName desc&$top=10&$count=true");
        using var second = await client.GetAsync("/api/machines?$orderby=computerDnsName desc&$top=10&$skip=10");

        var body = await ODataJson.OkAsync(first);
        Assert.Equal(300, body.GetProperty("@odata.count").GetInt64());
        var names = body.GetProperty("value").EnumerateArray().Concat(await ODataJson.ValuesAsync(second))
            .Select(m => m.GetProperty("computerDnsName").GetString()!).ToList();
        Assert.Equal(20, names.Distinct().Count());
        Assert.Equal(names.OrderDescending(StringComparer.OrdinalIgnoreCase), names);
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Select_KeepsOnlyTheNamedProperties()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$select=id,computerDnsName&$top=2");

        var machines = await ODataJson.ValuesAsync(response);
        Assert.All(machines, m => Assert.Equal(["id", "computerDnsName"], m.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Collection_HasTheContextOfTheEntitySet()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/machines?$top=1");

        var body = await ODataJson.OkAsync(response);
        Assert.Equal("http://localhost/api/$metadata#Machines", body.GetProperty("@odata.context").GetString());
        Assert.Equal("@odata.context", body.EnumerateObject().First().Name);
    }

    [Theory]
    [InlineData("$filter=healthStatus eq", "Invalid OData URI query: Expression expected at position 15 in 'healthStatus eq'.")]
    [InlineData("$filter=(id eq 'a'", "Invalid OData URI query: ')' or operator expected at position 10 in '(id eq 'a''.")]
    [InlineData("$filter=noSuchThing eq 1", "Invalid OData URI query: Could not find a property named 'noSuchThing' on type 'microsoft.windowsDefenderATP.api.Machine'.")]
    [InlineData("$filter=osBuild eq 1", "Invalid OData URI query: The property 'osBuild' cannot be used in the $filter query option of Machines.")]
    [InlineData("$filter=contains(computerDnsName,'a')", "Invalid OData URI query: The function 'contains' is not supported in the $filter query option of Machines.")]
    [InlineData("$filter=rbacGroupId add 1 eq 2", "Invalid OData URI query: The operator 'add' is not supported in the $filter query option of Machines.")]
    [InlineData("$top=10001", "Invalid OData URI query: The limit of '10000' for Top query has been exceeded. The value from the incoming request is '10001'.")]
    [InlineData("$top=abc", "Invalid OData URI query: Invalid value 'abc' for $top query option found. The $top query option requires a non-negative integer value.")]
    [InlineData("$skip=-1", "Invalid OData URI query: Invalid value '-1' for $skip query option found. The $skip query option requires a non-negative integer value.")]
    [InlineData("$orderby=osBuild", "Invalid OData URI query: The property 'osBuild' cannot be used in the $orderby query option of Machines.")]
    [InlineData("$expand=ipAddresses", "Invalid OData URI query: Property 'ipAddresses' on type 'microsoft.windowsDefenderATP.api.Machine' is not a navigation property or complex property. Only navigation properties can be expanded.")]
    [InlineData("$search=foo", "Invalid OData URI query: The query option '$search' is not supported.")]
    public async Task RefusedQueryOption_Returns400_ODataError_NamingTheFault(string query, string message)
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync($"/api/machines?{query}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ODataError", message);
    }

    [Fact]
    public async Task Metadata_ServesTheEdmModel()
    {
        using var client = await factory.CreateApiClientAsync();
        using var response = await client.GetAsync("/api/$metadata");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<EntitySet Name=\"Machines\"", text, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"computerDnsName\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Name=\"tenantId\"", text, StringComparison.OrdinalIgnoreCase);
    }
}
