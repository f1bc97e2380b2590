using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Alerts;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.Entities;

public sealed class EntityEndpointTests : IClassFixture<DemoTenantFactory>
{
    private const string UnknownSha1 = "0000000000000000000000000000000000000001";
    private readonly DemoTenantFactory _factory;

    public EntityEndpointTests(DemoTenantFactory factory) => _factory = factory;

    private async Task<(HttpClient Client, JsonElement Alert)> DemoAlertAsync()
    {
        var client = await _factory.CreateApiClientAsync();
        return (client, (await DemoAlerts.WithEvidenceAsync(client, 1))[0]);
    }

    [Fact]
    public async Task File_BySha1Sha256OrMd5_Returns200_TheSameFile()
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var evidence = DemoAlerts.Evidence(alert, "File");
        var sha1 = evidence.GetProperty("sha1").GetString();

        var bySha1 = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{sha1}"));
        var bySha256 = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{evidence.GetProperty("sha256").GetString()!.ToUpperInvariant()}"));
        var byMd5 = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{bySha1.GetProperty("md5").GetString()}"));

        Assert.Equal(sha1, bySha256.GetProperty("sha1").GetString());
        Assert.Equal(sha1, byMd5.GetProperty("sha1").GetString());
        Assert.EndsWith("#Files/$entity", bySha1.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/files/abc")]
    [InlineData("/api/files/000000000000000000000000000000000000000g")]
    [InlineData("/api/files/abc/stats")]
    [InlineData("/api/files/00000000000000000000000000000000000000000/alerts")]
    [InlineData("/api/files/0000000000000000000000000000000000000000000000000000000000000000/alerts")]
    [InlineData("/api/files/00000000000000000000000000000000/machines")]
    public async Task File_MalformedOrNonSha1Hash_Returns400_InvalidHashValue(string path)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync(path);

        var hash = path.Split('/')[3];
        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidHashValue", $"Hash value {hash} is invalid.");
    }

    [Theory]
    [InlineData("/api/files/" + UnknownSha1)]
    [InlineData("/api/files/" + UnknownSha1 + "/stats")]
    public async Task File_UnknownButWellFormed_Returns404_ResourceNotFound(string path)
    {
        using var client = await _factory.CreateApiClientAsync();
        using var response = await client.GetAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", $"File {UnknownSha1} was not found");
    }

    [Theory]
    [InlineData("/api/files/" + UnknownSha1 + "/alerts")]
    [InlineData("/api/files/" + UnknownSha1 + "/machines")]
    [InlineData("/api/ips/10.99.99.99/alerts")]
    [InlineData("/api/domains/unknown.example/alerts")]
    [InlineData("/api/domains/unknown.example/machines")]
    [InlineData("/api/users/nobody/alerts")]
    [InlineData("/api/users/nobody/machines")]
    public async Task RelatedLists_OfAnUnknownButValidValue_Return200_Empty(string path)
    {
        using var client = await _factory.CreateApiClientAsync();

        Assert.Empty(await ODataJson.ValuesAsync(await client.GetAsync(path)));
    }

    [Fact]
    public async Task FileRelatedAlertsMachinesAndStats_OfADemoFile_AreConsistent()
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var sha1 = DemoAlerts.Evidence(alert, "File").GetProperty("sha1").GetString();

        var alerts = await ODataJson.ValuesAsync(await client.GetAsync($"/api/files/{sha1}/alerts"));
        var machines = await ODataJson.ValuesAsync(await client.GetAsync($"/api/files/{sha1}/machines"));
        var stats = await ODataJson.OkAsync(await client.GetAsync($"/api/files/{sha1}/stats?lookBackHours=720"));

        Assert.Contains(alerts, a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
        Assert.Contains(machines, m => m.GetProperty("id").GetString() == alert.GetProperty("machineId").GetString());
        Assert.Equal(machines.Count, stats.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal(sha1, stats.GetProperty("sha1").GetString());
        Assert.NotEmpty(stats.GetProperty("topFileNames").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/files/{sha1}/stats?lookBackHours=721")]
    [InlineData("/api/files/{sha1}/stats?lookBackHours=0")]
    [InlineData("/api/files/{sha1}/stats?lookBackHours=abc")]
    [InlineData("/api/ips/10.0.0.1/stats?lookBackHours=721")]
    [InlineData("/api/domains/contoso.com/stats?lookBackHours=-1")]
    public async Task Stats_LookBackHoursOutside1To720_Returns400_InvalidInput(string template)
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var path = template.Replace("{sha1}", DemoAlerts.Evidence(alert, "File").GetProperty("sha1").GetString(), StringComparison.Ordinal);
        var value = path.Split("lookBackHours=")[1];

        using var response = await client.GetAsync(path);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", $"Invalid input '{value}' for lookBackHours; expected an integer from 1 to 720.");
    }

    [Fact]
    public async Task IpAlertsAndStats_OfADemoAddress_MatchTheEvidence()
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var ip = DemoAlerts.Evidence(alert, "Ip").GetProperty("ipAddress").GetString();

        var alerts = await ODataJson.ValuesAsync(await client.GetAsync($"/api/ips/{ip}/alerts"));
        var stats = await ODataJson.OkAsync(await client.GetAsync($"/api/ips/{ip}/stats"));
        var unknown = await ODataJson.OkAsync(await client.GetAsync("/api/ips/10.99.99.99/stats"));

        Assert.Contains(alerts, a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
        Assert.True(stats.GetProperty("organizationPrevalence").GetInt32() >= 1);
        Assert.Equal(0, unknown.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal("10.99.99.99", unknown.GetProperty("ipAddress").GetString());
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4%2F24")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.256")]
    [InlineData("fe80::1%25eth0")]
    public async Task Ip_Malformed_Returns400_InvalidIpAddress(string ip)
    {
        using var client = await _factory.CreateApiClientAsync();
        var raw = Uri.UnescapeDataString(ip);

        using var alerts = await client.GetAsync($"/api/ips/{ip}/alerts");
        using var stats = await client.GetAsync($"/api/ips/{ip}/stats");

        await ErrorAssert.IsErrorAsync(alerts, HttpStatusCode.BadRequest, "InvalidIpAddress", $"IP address {raw} is invalid.");
        await ErrorAssert.IsErrorAsync(stats, HttpStatusCode.BadRequest, "InvalidIpAddress", $"IP address {raw} is invalid.");
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:192.0.2.128")]
    public async Task Ip_ValidIPv6_Returns200(string ip)
    {
        using var client = await _factory.CreateApiClientAsync();

        Assert.Equal(ip, (await ODataJson.OkAsync(await client.GetAsync($"/api/ips/{ip}/stats"))).GetProperty("ipAddress").GetString());
    }

    [Fact]
    public async Task DomainAlertsMachinesAndStats_OfADemoDomain_MatchTheEvidence_AlsoInUnicodeForm()
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var host = new Uri(DemoAlerts.Evidence(alert, "Url").GetProperty("url").GetString()!).Host;

        var alerts = await ODataJson.ValuesAsync(await client.GetAsync($"/api/domains/{host.ToUpperInvariant()}/alerts"));
        var machines = await ODataJson.ValuesAsync(await client.GetAsync($"/api/domains/{host}/machines"));
        var stats = await ODataJson.OkAsync(await client.GetAsync($"/api/domains/{host}/stats"));
        var idn = await ODataJson.OkAsync(await client.GetAsync("/api/domains/bücher.example/stats"));

        Assert.Contains(alerts, a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
        Assert.Equal(machines.Count, stats.GetProperty("organizationPrevalence").GetInt32());
        Assert.Equal("xn--bcher-kva.example", idn.GetProperty("host").GetString());
    }

    [Theory]
    [InlineData("bad_domain.com")]
    [InlineData("contoso")]
    [InlineData("-contoso.com")]
    public async Task Domain_Malformed_Returns400_InvalidDomainName(string domain)
    {
        using var client = await _factory.CreateApiClientAsync();

        foreach (var related in new[] { "alerts", "machines", "stats" })
        {
            using var response = await client.GetAsync($"/api/domains/{domain}/{related}");
            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidDomainName", $"Domain name {domain} is invalid.");
        }
    }

    [Fact]
    public async Task Domain_OverLong_Returns400_InvalidDomainName()
    {
        using var client = await _factory.CreateApiClientAsync();
        var domain = new string('a', 64) + ".com";

        await ErrorAssert.IsErrorAsync(await client.GetAsync($"/api/domains/{domain}/stats"), HttpStatusCode.BadRequest, "InvalidDomainName");
    }

    [Fact]
    public async Task UserAlertsAndMachines_OfTheAlertsUser_ContainTheAlertAndItsLogonMachines()
    {
        var (client, alert) = await DemoAlertAsync();
        using var _ = client;
        var user = alert.GetProperty("relatedUser").GetProperty("userName").GetString();

        var alerts = await ODataJson.ValuesAsync(await client.GetAsync($"/api/users/{user}/alerts"));
        var machines = await ODataJson.ValuesAsync(await client.GetAsync($"/api/users/{user}/machines"));

        Assert.Contains(alerts, a => a.GetProperty("id").GetString() == alert.GetProperty("id").GetString());
        Assert.Contains(machines, m => m.GetProperty("id").GetString() == alert.GetProperty("machineId").GetString());
    }

    [Theory]
    [InlineData("/api/files/" + UnknownSha1, "Alert.Read.All")]
    [InlineData("/api/files/" + UnknownSha1 + "/stats", "Alert.Read.All")]
    [InlineData("/api/files/" + UnknownSha1 + "/alerts", "File.Read.All")]
    [InlineData("/api/files/" + UnknownSha1 + "/machines", "File.Read.All")]
    [InlineData("/api/ips/1.2.3.4/alerts", "Ip.Read.All")]
    [InlineData("/api/ips/1.2.3.4/stats", "Alert.Read.All")]
    [InlineData("/api/domains/contoso.com/alerts", "Alert.Read.All")]
    [InlineData("/api/domains/contoso.com/machines", "URL.Read.All")]
    [InlineData("/api/domains/contoso.com/stats", "Alert.Read.All")]
    [InlineData("/api/users/alice/alerts", "User.Read.All")]
    [InlineData("/api/users/alice/machines", "Machine.Read.All")]
    public async Task Entities_WithoutTheDocumentedPermission_Return403_Forbidden(string path, string otherRole)
    {
        using var client = await _factory.CreateApiClientWithRolesAsync(otherRole);

        await ErrorAssert.IsErrorAsync(await client.GetAsync(path), HttpStatusCode.Forbidden, "Forbidden");
    }
}
