using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Vulnerabilities;

namespace DefenderApi.Emulator.Tests.Vulnerabilities.Assessments;

[Collection(AssessmentExportCollection.Name)]
public sealed class SoftwareInventoryByMachineTests(AssessmentExportFactory factory)
{
    [Fact]
    public async Task Rows_AreEachDevicesInstalledSoftware_WeaknessesCountedFromTheVulnerabilityExport()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = await Exports.RowsAsync(client, Exports.Inventory);
        var vulnerabilities = await Exports.RowsAsync(client, Exports.Vulnerabilities);
        var machines = await Exports.MachinesAsync(client);

        foreach (var id in machines.Keys)
        {
            var installed = await Exports.IdsAsync(client, id, "software");
            var device = rows.Where(r => r.Text("deviceId") == id).ToList();

            Assert.Equal(installed.Order(), device.Select(r => $"{r.Text("softwareVendor")}-_-{r.Text("softwareName")}").Order());
            Assert.All(device, r => Assert.Equal(
                vulnerabilities.Count(v => v.Text("deviceId") == id && v.Text("softwareVendor") == r.Text("softwareVendor") && v.Text("softwareName") == r.Text("softwareName")),
                r.GetProperty("numberOfWeaknesses").GetInt32()));
        }
    }

    [Fact]
    public async Task Versions_AddUpToTheSoftwareDistributions()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = await Exports.RowsAsync(client, Exports.Inventory);

        foreach (var product in rows.GroupBy(r => $"{r.Text("softwareVendor")}-_-{r.Text("softwareName")}"))
        {
            var distribution = await ODataJson.ValuesAsync(await client.GetAsync($"/api/Software/{product.Key}/distributions"));

            Assert.Equal(
                distribution.Select(d => (d.Text("version"), d.GetProperty("installations").GetInt64())).Order(),
                product.CountBy(r => r.Text("softwareVersion")).Select(c => (c.Key, (long)c.Value)).Order());
        }
    }

    [Fact]
    public async Task Row_OfInternetExplorerOnAWindowsDevice_HasTheDocumentedShape()
    {
        using var client = await factory.CreateApiClientAsync();
        var row = (await Exports.RowsAsync(client, Exports.Inventory))
            .First(r => r.Text("softwareName") == "internet_explorer" && r.Text("osPlatform").StartsWith("Windows", StringComparison.Ordinal));
        var machine = await ODataJson.OkAsync(await client.GetAsync($"/api/machines/{row.Text("deviceId")}"));
        var version = SoftwareVersions.Of(machine.Text("id"), "microsoft-_-internet_explorer");

        Exports.IsGolden($$"""
            {
              "deviceId": "{{machine.Text("id")}}",
              "deviceName": "{{machine.Text("computerDnsName")}}",
              "osPlatform": "{{machine.Text("osPlatform")}}",
              "osVersion": "{{machine.Text("version")}}",
              "osArchitecture": "x64",
              "rbacGroupName": "{{machine.Text("rbacGroupName")}}",
              "softwareVendor": "microsoft",
              "softwareName": "internet_explorer",
              "softwareVersion": "{{version}}",
              "numberOfWeaknesses": 0,
              "diskPaths": ["C:\\Program Files\\microsoft\\internet_explorer"],
              "registryPaths": ["HKEY_LOCAL_MACHINE\\SOFTWARE\\microsoft\\internet_explorer"],
              "softwareFirstSeenTimestamp": "{{machine.Text("firstSeen")}}",
              "endOfSupportStatus": "EOS Software",
              "endOfSupportDate": "2022-06-15T00:00:00Z",
              "productCodeCpe": "cpe:2.3:a:microsoft:internet_explorer:{{version}}:*:*:*:*:*:*:*"
            }
            """, row);
    }
}
