using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Vulnerabilities;

/// <summary>
/// The demo tenant's TVM views add up, through the public API only: every product's weaknesses, vulnerabilities,
/// devices and version distribution agree with each other and with the devices' own software, vulnerabilities,
/// recommendations and missing KBs; the catalogue has a realistic size.
/// </summary>
public sealed class TvmConsistencyTests(TvmConsistencyTests.Factory factory) : IClassFixture<TvmConsistencyTests.Factory>
{
    /// <summary>300 demo machines, no rate limits (the test reads every product).</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 300;
            UseFakeTime = true;
            Settings["Emulator:RateLimits:Enabled"] = "false";
        }
    }

    [Fact]
    public async Task Catalogue_HoldsMoreThan300Cves_WithScoresAndDates_AndTheReferencePagesExamples()
    {
        using var client = await factory.CreateApiClientAsync();

        var cves = await ODataJson.ValuesAsync(await client.GetAsync("/api/vulnerabilities"));
        var example = await ODataJson.OkAsync(await client.GetAsync("/api/vulnerabilities/CVE-2019-0608"));
        var software = await ODataJson.ValuesAsync(await client.GetAsync("/api/Software"));

        Assert.True(cves.Count >= 300, $"{cves.Count} CVEs");
        Assert.Equal(cves.Count, cves.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(cves, c =>
        {
            Assert.InRange(c.GetProperty("cvssV3").GetDouble(), 0.1, 10);
            Assert.InRange(c.GetProperty("epss").GetDouble(), 0, 1);
            Assert.NotEqual(JsonValueKind.Null, c.GetProperty("publishedOn").ValueKind);
        });
        Assert.Contains(cves, c => c.GetProperty("publicExploit").GetBoolean());
        Assert.Equal("CVE-2019-0608", example.GetProperty("id").GetString());
        Assert.True(software.Count >= 50, $"{software.Count} products installed");
        Assert.True(software.Select(s => s.GetProperty("vendor").GetString()).Distinct().Count() >= 25);
    }

    [Fact]
    public async Task EverySoftware_WeaknessesVulnerabilitiesDevicesAndDistributions_Agree()
    {
        using var client = await factory.CreateApiClientAsync();
        var cves = (await ODataJson.ValuesAsync(await client.GetAsync("/api/vulnerabilities"))).ToDictionary(c => c.GetProperty("id").GetString()!);

        foreach (var product in await ODataJson.ValuesAsync(await client.GetAsync("/api/Software")))
        {
            var id = product.GetProperty("id").GetString();
            var vulnerabilities = await ODataJson.ValuesAsync(await client.GetAsync($"/api/Software/{id}/vulnerabilities"));
            var references = await ODataJson.ValuesAsync(await client.GetAsync($"/api/Software/{id}/machineReferences"));
            var distributions = await ODataJson.ValuesAsync(await client.GetAsync($"/api/Software/{id}/distributions"));

            Assert.Equal(product.GetProperty("weaknesses").GetInt64(), vulnerabilities.Count);
            Assert.All(vulnerabilities, v => Assert.True(cves[v.GetProperty("id").GetString()!].GetProperty("exposedMachines").GetInt64() > 0, $"{id}: {v.GetProperty("id")}"));
            Assert.Equal(references.Count, distributions.Sum(d => d.GetProperty("installations").GetInt64()));
            var exposedInstallations = distributions.Where(d => d.GetProperty("vulnerabilities").GetInt64() > 0).Sum(d => d.GetProperty("installations").GetInt64());
            Assert.Equal(product.GetProperty("exposedMachines").GetInt64(), exposedInstallations);
            Assert.Equal(vulnerabilities.Count, distributions.Select(d => d.GetProperty("vulnerabilities").GetInt64()).DefaultIfEmpty(0).Max());
        }
    }

    [Fact]
    public async Task EachDevice_VulnerabilitiesRecommendationsAndKbs_FollowFromItsSoftware()
    {
        using var client = await factory.CreateApiClientAsync();
        var products = (await ODataJson.ValuesAsync(await client.GetAsync("/api/Software"))).ToDictionary(s => s.GetProperty("id").GetString()!);
        var productOfCve = new Dictionary<string, string>();
        foreach (var product in products.Keys)
        {
            foreach (var cve in await ODataJson.ValuesAsync(await client.GetAsync($"/api/Software/{product}/vulnerabilities")))
            {
                productOfCve.Add(cve.GetProperty("id").GetString()!, product);
            }
        }

        foreach (var machine in (await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=40"))).Select(m => m.GetProperty("id").GetString()))
        {
            var software = (await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{machine}/software"))).Select(s => s.GetProperty("id").GetString()!).ToHashSet();
            var vulnerabilities = await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{machine}/vulnerabilities"));
            var recommendations = (await ODataJson.ValuesAsync(await client.GetAsync($"/api/machines/{machine}/recommendations")))
                .Select(r => r.GetProperty("id").GetString()!).Where(r => r.StartsWith("va-_-", StringComparison.Ordinal)).ToHashSet();
            var rows = await ODataJson.ValuesAsync(await client.GetAsync($"/api/vulnerabilities/machinesVulnerabilities?$filter=machineId eq '{machine}'"));

            Assert.All(software, s => Assert.True(products.ContainsKey(s)));
            var vulnerableProducts = vulnerabilities.Select(v => productOfCve[v.GetProperty("id").GetString()!]).ToHashSet();
            Assert.Subset(software, vulnerableProducts);
            Assert.Equal(vulnerableProducts.Select(p => "va-_-" + p).ToHashSet(), recommendations);
            Assert.Equal(
                vulnerabilities.Select(v => v.GetProperty("id").GetString()).Order(),
                rows.Select(r => r.GetProperty("cveId").GetString()).Order());
        }
    }

    [Fact]
    public async Task ExposedCves_ExposedMachines_EqualTheirMachineReferencesAndRows()
    {
        using var client = await factory.CreateApiClientAsync();
        var all = await ODataJson.ValuesAsync(await client.GetAsync("/api/vulnerabilities"));
        var exposed = all.Where(c => c.GetProperty("exposedMachines").GetInt64() > 0).Take(25).ToList();

        Assert.NotEmpty(exposed);
        foreach (var cve in exposed)
        {
            var id = cve.GetProperty("id").GetString();
            var references = await ODataJson.ValuesAsync(await client.GetAsync($"/api/vulnerabilities/{id}/machineReferences"));
            var rows = await ODataJson.ValuesAsync(await client.GetAsync($"/api/vulnerabilities/machinesVulnerabilities?$filter=cveId eq '{id}'"));

            Assert.Equal(cve.GetProperty("exposedMachines").GetInt64(), references.Count);
            Assert.Equal(references.Count, rows.Count);
        }
    }
}
