using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Vulnerabilities.Assessments;

[Collection(AssessmentExportCollection.Name)]
public sealed class SecureConfigurationsAssessmentByMachineTests(AssessmentExportFactory factory)
{
    private static readonly string[] WindowsConfigurations = ["scid-10", "scid-2000", "scid-2010", "scid-2011", "scid-2090", "scid-91"];

    [Fact]
    public async Task Rows_CoverTheConfigurationsOfEachDevicesPlatform()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = await Exports.RowsAsync(client, Exports.Configurations);
        var machines = await Exports.MachinesAsync(client);

        foreach (var (id, machine) in machines)
        {
            var platform = machine.Text("osPlatform");
            string[] expected = platform.StartsWith("Windows", StringComparison.Ordinal) ? WindowsConfigurations
                : platform == "macOS" ? ["scid-5094", "scid-5095"]
                : platform == "Linux" ? ["scid-6094", "scid-6095"]
                : [];

            Assert.Equal(expected, rows.Where(r => r.Text("deviceId") == id).Select(r => r.Text("configurationId")));
        }
    }

    [Theory]
    [InlineData("scid-2010")]
    [InlineData("scid-91")]
    public async Task RecommendedConfiguration_IsNonCompliant_ExactlyOnTheDevicesListingTheRecommendation(string configurationId)
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = (await Exports.RowsAsync(client, Exports.Configurations)).Where(r => r.Text("configurationId") == configurationId)
            .ToDictionary(r => r.Text("deviceId"));
        var machines = await Exports.MachinesAsync(client);

        Assert.Contains(rows.Values, r => !r.GetProperty("isCompliant").GetBoolean());
        foreach (var id in machines.Keys)
        {
            var listed = (await Exports.IdsAsync(client, id, "recommendations")).Contains(configurationId);
            var nonCompliant = rows.TryGetValue(id, out var row) && !row.GetProperty("isCompliant").GetBoolean();
            Assert.Equal(listed, nonCompliant);
        }
    }

    [Fact]
    public async Task ClientOnlyConfiguration_IsNotApplicableOnServers()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = (await Exports.RowsAsync(client, Exports.Configurations)).Where(r => r.Text("configurationId") == "scid-2090").ToList();

        Assert.Contains(rows, r => r.Text("osPlatform").StartsWith("WindowsServer", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(!r.Text("osPlatform").StartsWith("WindowsServer", StringComparison.Ordinal), r.GetProperty("isApplicable").GetBoolean()));
    }

    [Fact]
    public async Task Answer_IsTheSameOnEveryCall()
    {
        using var client = await factory.CreateApiClientAsync();

        var first = await (await client.GetAsync(Exports.Configurations)).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync(Exports.Configurations)).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        Assert.Contains("\"isCompliant\":false", first, StringComparison.Ordinal);
        Assert.Contains("\"isCompliant\":true", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_OfAWindowsDeviceListingThePuaRecommendation_HasTheDocumentedShape()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = await Exports.RowsAsync(client, Exports.Configurations);
        var row = rows.First(r => r.Text("configurationId") == "scid-2010" && !r.GetProperty("isCompliant").GetBoolean());
        var machine = await ODataJson.OkAsync(await client.GetAsync($"/api/machines/{row.Text("deviceId")}"));

        Exports.IsGolden($$"""
            {
              "deviceId": "{{machine.Text("id")}}",
              "deviceName": "{{machine.Text("computerDnsName")}}",
              "osPlatform": "{{machine.Text("osPlatform")}}",
              "osVersion": "{{machine.Text("version")}}",
              "rbacGroupName": "{{machine.Text("rbacGroupName")}}",
              "configurationId": "scid-2010",
              "configurationCategory": "SecurityControls",
              "configurationSubcategory": "Antivirus",
              "configurationImpact": 4.5,
              "isCompliant": false,
              "isApplicable": true,
              "isExpectedUserImpact": true,
              "recommendationReference": "sca-_-scid-2010",
              "timestamp": "{{machine.Text("lastSeen")}}"
            }
            """, row);
    }
}
