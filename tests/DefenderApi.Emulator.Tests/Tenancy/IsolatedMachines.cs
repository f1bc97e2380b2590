using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Tenancy;

/// <summary>Machines loaded through the admin data API: each tenant lists, counts and finds only its own.</summary>
internal sealed class IsolatedMachines : IIsolatedCollection
{
    private const string SharedId = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

    private readonly Dictionary<Guid, List<string>> _machines = [];

    public async Task LoadAsync(ProtectedApiFactory factory, IsolatedTenant tenant)
    {
        var ids = Enumerable.Range(0, tenant.Random.Next(1, 6)).Select(_ => $"{tenant.Random.Next():x8}".PadRight(40, 'c')).Append(SharedId).Distinct().ToList();
        var names = ids.Select(id => $"{tenant.Id:N}-{id[..8]}.contoso.com").ToList();
        await TestMachines.LoadAsync(factory, "machines",
            ids.Select((id, i) => TestMachines.Machine(id, names[i], "Windows11", "23H2", 22631, "10.8760.22631.1", EmulatorFactory.StartTime)), tenant.Id);
        _machines[tenant.Id] = ids;
    }

    public async Task AssertIsolatedAsync(ProtectedApiFactory factory, IsolatedTenant self, IsolatedTenant other)
    {
        using var list = await self.Reader.GetAsync("/api/machines?$count=true");
        var body = await ODataJson.OkAsync(list);
        Assert.Equal(_machines[self.Id].Order(StringComparer.Ordinal), body.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(_machines[self.Id].Count, body.GetProperty("@odata.count").GetInt64());

        using var shared = await self.Reader.GetAsync($"/api/machines/{SharedId}");
        Assert.StartsWith($"{self.Id:N}", (await ODataJson.OkAsync(shared)).GetProperty("computerDnsName").GetString(), StringComparison.Ordinal);
        foreach (var id in _machines[other.Id].Except(_machines[self.Id]))
        {
            using var guessed = await self.Reader.GetAsync($"/api/machines/{id}");
            await ErrorAssert.IsErrorAsync(guessed, HttpStatusCode.NotFound, "ResourceNotFound");
        }
    }
}
