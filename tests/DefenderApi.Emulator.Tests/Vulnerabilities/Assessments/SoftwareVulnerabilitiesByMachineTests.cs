using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Vulnerabilities;

namespace DefenderApi.Emulator.Tests.Vulnerabilities.Assessments;

[Collection(AssessmentExportCollection.Name)]
public sealed class SoftwareVulnerabilitiesByMachineTests(AssessmentExportFactory factory)
{
    [Fact]
    public async Task Rows_AreEachDevicesVulnerabilities_OnSoftwareItRuns()
    {
        using var client = await factory.CreateApiClientAsync();
        var rows = await Exports.RowsAsync(client, Exports.Vulnerabilities);
        var machines = await Exports.MachinesAsync(client);
        var byMachine = await ODataJson.ValuesAsync(await client.GetAsync("/api/vulnerabilities/machinesVulnerabilities?$top=10000"));

        Assert.NotEmpty(rows);
        Assert.Equal(byMachine.Count, rows.Count);
        foreach (var device in rows.GroupBy(r => r.Text("deviceId")))
        {
            var machine = machines[device.Key];
            var vulnerabilities = await Exports.IdsAsync(client, device.Key, "vulnerabilities");
            var software = await Exports.IdsAsync(client, device.Key, "software");

            Assert.Equal(vulnerabilities.Order(), device.Select(r => r.Text("cveId")).Order());
            Assert.All(device, r => Assert.Equal(
                new[] { machine.Text("computerDnsName"), machine.Text("osPlatform"), machine.Text("rbacGroupName") },
                new[] { r.Text("deviceName"), r.Text("osPlatform"), r.Text("rbacGroupName") }));
            // Application CVEs sit on installed software; the Netlogon CVE is the Windows OS's own.
            Assert.All(device.Where(r => r.Text("softwareName") != "windows"), r => Assert.Contains($"{r.Text("softwareVendor")}-_-{r.Text("softwareName")}", software));
        }
    }

    [Fact]
    public async Task Row_OfChromeOnAWindowsDevice_HasTheDocumentedShape()
    {
        using var client = await factory.CreateApiClientAsync();
        var row = (await Exports.RowsAsync(client, Exports.Vulnerabilities))
            .First(r => r.Text("cveId") == "CVE-2023-4863" && r.Text("osPlatform").StartsWith("Windows", StringComparison.Ordinal));
        var machine = await ODataJson.OkAsync(await client.GetAsync($"/api/machines/{row.Text("deviceId")}"));
        var id = machine.Text("id");
        var version = SoftwareVersions.Of(id, "google-_-chrome");

        Exports.IsGolden($$"""
            {
              "id": "{{id}}_google_chrome_{{version}}_CVE-2023-4863",
              "cveId": "CVE-2023-4863",
              "deviceId": "{{id}}",
              "deviceName": "{{machine.Text("computerDnsName")}}",
              "osPlatform": "{{machine.Text("osPlatform")}}",
              "osVersion": "{{machine.Text("version")}}",
              "osArchitecture": "x64",
              "rbacGroupName": "{{machine.Text("rbacGroupName")}}",
              "softwareVendor": "google",
              "softwareName": "chrome",
              "softwareVersion": "{{version}}",
              "vulnerabilitySeverityLevel": "High",
              "recommendedSecurityUpdate": "Update Chrome to version 11.1.0",
              "recommendedSecurityUpdateId": null,
              "recommendationReference": "va-_-google-_-chrome",
              "diskPaths": ["C:\\Program Files\\google\\chrome"],
              "registryPaths": ["HKEY_LOCAL_MACHINE\\SOFTWARE\\google\\chrome"],
              "lastSeenTimestamp": "{{machine.Text("lastSeen")}}",
              "firstSeenTimestamp": "{{machine.Text("firstSeen")}}",
              "exploitabilityLevel": "ExploitIsPublic",
              "cveSource": "NVD",
              "cvssScore": 8.8,
              "securityUpdateAvailable": true
            }
            """, row);
    }

    [Fact]
    public async Task SinceTime_ReturnsOnlyTheRowsLastSeenSinceThen()
    {
        using var client = await factory.CreateApiClientAsync();
        var all = await Exports.RowsAsync(client, Exports.Vulnerabilities);
        var since = all.Select(r => r.GetProperty("lastSeenTimestamp").GetDateTimeOffset()).Order().ElementAt(all.Count / 2);

        var rows = await Exports.RowsAsync(client, $"{Exports.Vulnerabilities}?sinceTime={Uri.EscapeDataString(since.ToString("O"))}");

        Assert.InRange(rows.Count, 1, all.Count - 1);
        Assert.Equal(all.Count(r => r.GetProperty("lastSeenTimestamp").GetDateTimeOffset() >= since), rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("lastSeenTimestamp").GetDateTimeOffset() >= since));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T00:00:00Z")]
    public async Task SinceTime_Malformed_Returns400_InvalidInput(string sinceTime)
    {
        using var client = await factory.CreateApiClientAsync();

        await ErrorAssert.IsErrorAsync(
            await client.GetAsync($"{Exports.Vulnerabilities}?sinceTime={sinceTime}"), HttpStatusCode.BadRequest, "InvalidInput",
            $"Invalid input '{sinceTime}' for sinceTime; expected an ISO 8601 date and time.");
    }
}
