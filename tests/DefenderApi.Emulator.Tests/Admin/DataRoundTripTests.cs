using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>
/// Every entity a GET returns loads back unchanged through the admin data API: the demo data set, read from the API,
/// posted back to its collection, reads the same.
/// </summary>
public sealed class DataRoundTripTests : IClassFixture<DataRoundTripTests.DemoFactory>
{
    private readonly DemoFactory _factory;

    public DataRoundTripTests(DemoFactory factory) => _factory = factory;

    public sealed class DemoFactory : EmulatorFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _prepared;

        public DemoFactory()
        {
            Seed = "demo";
            DemoMachines = 12;
        }

        /// <summary>The demo set has no machine actions or library files: one of each is made through the API.</summary>
        public async Task<HttpClient> PreparedClientAsync()
        {
            var client = await CreateApiClientAsync();
            await _gate.WaitAsync();
            try
            {
                if (!_prepared)
                {
                    await MakeActionAndLibraryFileAsync(client);
                    _prepared = true;
                }
            }
            finally
            {
                _gate.Release();
            }

            return client;
        }

        private static async Task MakeActionAndLibraryFileAsync(HttpClient client)
        {
            var machines = JsonNode.Parse(await client.GetStringAsync("/api/machines?$top=12"))!["value"]!.AsArray();
            var scanned = false;
            foreach (var machine in machines)
            {
                using var scan = await client.PostAsync($"/api/machines/{machine!["id"]}/runAntiVirusScan",
                    new StringContent("""{"Comment":"round trip","ScanType":"Quick"}""", Encoding.UTF8, "application/json"));
                if (scan.StatusCode == HttpStatusCode.Created)
                {
                    scanned = true;
                    break;
                }
            }

            Assert.True(scanned, "no demo machine accepted a scan");
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes("Write-Output 'hi'")), "File", "roundtrip.ps1" },
                { new StringContent("round trip"), "Description" },
            };
            using var upload = await client.PostAsync("/api/libraryfiles", form);
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }
    }

    public static TheoryData<string, string> Collections => new()
    {
        { "machines", "/api/machines" },
        { "alerts", "/api/alerts?$expand=evidence" },
        { "indicators", "/api/indicators" },
        { "investigations", "/api/investigations" },
        { "machineactions", "/api/machineactions" },
        { "software", "/api/Software" },
        { "vulnerabilities", "/api/vulnerabilities" },
        { "recommendations", "/api/recommendations" },
        { "deviceavinfo", "/api/deviceavinfo" },
        { "library", "/api/libraryfiles" },
    };

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task EveryEntityAGetReturns_LoadsBackUnchanged(string collection, string path)
    {
        using var client = await _factory.PreparedClientAsync();
        var before = await ValuesAsync(client, path);
        Assert.NotEmpty(before);

        using var admin = await _factory.CreateReadyClientAsync();
        using var loaded = await admin.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/{collection}",
            new StringContent(new JsonArray([.. before.Select(v => v.DeepClone())]).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(loaded.StatusCode == HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());

        var after = await ValuesAsync(client, path);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].ToJsonString(), after[i].ToJsonString());
        }
    }

    private static async Task<List<JsonNode>> ValuesAsync(HttpClient client, string path)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var text = await client.GetStringAsync($"{path}{separator}$top=50");
        var values = JsonNode.Parse(text)!["value"]!.AsArray();
        return [.. values.Select(v => v!.DeepClone())];
    }
}
