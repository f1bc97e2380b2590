using System.Net;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>
/// The admin data load's bulk path (prepared multi-row statements, no change tracker): machines are upserted in place
/// by id, the last of two items with one id wins, every item is checked before a row is written, and a rule of the
/// store broken by a bulk statement is the same 400 as through the change tracker.
/// </summary>
public sealed class BulkDataLoadTests : IClassFixture<EmulatorFactory>
{
    private readonly EmulatorFactory _factory;

    public BulkDataLoadTests(EmulatorFactory factory) => _factory = factory;

    private static string Machine(string id, string health, string tags) =>
        $$"""{"id":"{{id}}","computerDnsName":"{{id}}.contoso.com","osPlatform":"Windows11","healthStatus":"{{health}}","machineTags":[{{tags}}],"lastSeen":"2026-11-02T08:00:00Z"}""";

    private async Task<JsonDocument> GetMachineAsync(string id)
    {
        using var client = await _factory.CreateApiClientAsync();
        return JsonDocument.Parse(await client.GetStringAsync($"/api/machines/{id}"));
    }

    [Fact]
    public async Task SeventyMachinesWithOneIdTwice_StoreSixtyNine_AndTheLastItemOfTheIdWins()
    {
        // 70 items: two full multi-row statements of 32 and six one-row statements; the duplicate sits in the first.
        var items = Enumerable.Range(0, 69).Select(i => Machine($"bulk70-{i}", "Active", "\"first\"")).ToList();
        items.Insert(20, Machine("bulk70-3", "Inactive", "\"second\""));
        using var response = await TestMachines.PostAsync(_factory, "machines", $"[{string.Join(",", items)}]");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        using var client = await _factory.CreateApiClientAsync();
        var stored = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$filter=startswith(computerDnsName,'bulk70-')&$top=1000"));
        Assert.Equal(69, stored.Count);
        using var duplicate = await GetMachineAsync("bulk70-3");
        Assert.Equal("Inactive", duplicate.RootElement.GetProperty("healthStatus").GetString());
        Assert.Equal(["second"], duplicate.RootElement.GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()));
        using var last = await GetMachineAsync("bulk70-68");
        Assert.Equal("bulk70-68.contoso.com", last.RootElement.GetProperty("computerDnsName").GetString());
    }

    [Fact]
    public async Task ReloadedMachine_ReplacesEveryStoredValue_AndKeepsItsMachineActions()
    {
        using (var first = await TestMachines.PostAsync(_factory, "machines", $"[{Machine("bulk-reload", "Active", "\"a\",\"b\"")}]"))
        {
            Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        using var client = await _factory.CreateApiClientAsync();
        using (var scan = await client.PostAsync("/api/machines/bulk-reload/runAntiVirusScan",
            new StringContent("""{"Comment":"before the reload","ScanType":"Quick"}""", Encoding.UTF8, "application/json")))
        {
            Assert.True(scan.StatusCode == HttpStatusCode.Created, await scan.Content.ReadAsStringAsync());
        }

        using (var again = await TestMachines.PostAsync(_factory, "machines", $"[{Machine("bulk-reload", "Inactive", "")}]"))
        {
            Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }

        using var machine = await GetMachineAsync("bulk-reload");
        Assert.Equal("Inactive", machine.RootElement.GetProperty("healthStatus").GetString());
        Assert.Empty(machine.RootElement.GetProperty("machineTags").EnumerateArray());
        var actions = await ODataJson.ValuesAsync(await client.GetAsync("/api/machineactions?$filter=machineId eq 'bulk-reload'"));
        Assert.Equal("before the reload", Assert.Single(actions).GetProperty("requestorComment").GetString());
    }

    [Fact]
    public async Task BadLastItem_StoresNoneOfTheItemsBeforeIt()
    {
        var items = Enumerable.Range(0, 40).Select(i => Machine($"bulk-bad-{i}", "Active", "")).Append("""{"id":"bulk-bad-40","computerDnsName":"x"}""");
        using var response = await TestMachines.PostAsync(_factory, "machines", $"[{string.Join(",", items)}]");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody", "Request body is incorrect: item 40: osPlatform is missing");
        using var client = await _factory.CreateApiClientAsync();
        using var first = await client.GetAsync("/api/machines/bulk-bad-0");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
    }

    [Fact]
    public async Task TwoIndicatorsOfOneValue_AreA400NamingTheRule_NotStorageText()
    {
        const string Indicator = """{"id":"{0}","indicatorValue":"bulk-dup.contoso.com","indicatorType":"DomainName","action":"Alert","title":"t","description":"d","severity":"Low"}""";
        using var response = await TestMachines.PostAsync(_factory, "indicators", $"[{Indicator.Replace("{0}", "90001", StringComparison.Ordinal)},{Indicator.Replace("{0}", "90002", StringComparison.Ordinal)}]");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody",
            "Request body is incorrect: the items break a rule of the indicators collection: two items, or an item and a stored entity of another kind, share a key that must be unique");
        using var client = await _factory.CreateApiClientAsync();
        var stored = await ODataJson.ValuesAsync(await client.GetAsync("/api/indicators"));
        Assert.DoesNotContain(stored, i => i.GetProperty("indicatorValue").GetString() == "bulk-dup.contoso.com");
    }

    [Fact]
    public async Task FileWithAnUpperCaseSha1_ReplacesTheStoredFileOfThatHash()
    {
        const string Sha1 = "4d3b2a1c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b";
        using (var first = await TestMachines.PostAsync(_factory, "files", $$"""[{"sha1":"{{Sha1}}","fileType":"PortableExecutable","size":10}]"""))
        {
            Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        using (var again = await TestMachines.PostAsync(_factory, "files", $$"""[{"sha1":"{{Sha1.ToUpperInvariant()}}","fileType":"PortableExecutable","size":20}]"""))
        {
            Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }

        using var client = await _factory.CreateApiClientAsync();
        using var file = JsonDocument.Parse(await client.GetStringAsync($"/api/files/{Sha1}"));
        Assert.Equal(20, file.RootElement.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task LogonUserLoadedTwice_IsOneItemWithTheLaterValues()
    {
        using (var machine = await TestMachines.PostAsync(_factory, "machines", $"[{Machine("bulk-related", "Active", "")}]"))
        {
            Assert.True(machine.StatusCode == HttpStatusCode.OK, await machine.Content.ReadAsStringAsync());
        }

        const string User = """{"machineId":"bulk-related","id":"contoso\\jdoe","accountName":"jdoe","logonTypes":"{0}"}""";
        using (var first = await TestMachines.PostAsync(_factory, "logonusers", $"[{User.Replace("{0}", "Network", StringComparison.Ordinal)}]"))
        {
            Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        using (var again = await TestMachines.PostAsync(_factory, "logonusers", $"[{User.Replace("{0}", "Interactive", StringComparison.Ordinal)}]"))
        {
            Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }

        using var client = await _factory.CreateApiClientAsync();
        var users = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines/bulk-related/logonusers"));
        Assert.Equal("Interactive", Assert.Single(users).GetProperty("logonTypes").GetString());
    }
}
