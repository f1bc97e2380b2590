using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// Demo seeders write through prepared statements bound by position, not through EF Core: their rows must be stored
/// exactly as EF Core stores and compares them (tenant ids are GUIDs held as text).
/// </summary>
public sealed class BulkWriteTests : IAsyncLifetime
{
    private static readonly Guid LetteredTenant = Guid.Parse("abcdefab-cdef-4abc-8def-abcdefabcdef");
    private readonly EmulatorFactory _factory = new() { DemoMachines = 20 };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task DemoTenantWithLettersInItsId_SeesItsBulkWrittenRows_BesideRowsWrittenThroughEf()
    {
        using (var admin = await _factory.CreateReadyClientAsync())
        {
            using var created = await admin.PostAsJsonAsync("/_emulator/tenants", new { tenantId = LetteredTenant.ToString(), seed = "demo" });
            created.EnsureSuccessStatusCode();
        }

        await _factory.RegisterAppAsync("bulk", "secret", ["Machine.Read.All", "Alert.ReadWrite.All"], LetteredTenant);
        using var client = await _factory.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _factory.GetTokenAsync("bulk", "secret", LetteredTenant));

        var machines = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines"));
        var alertId = (await ODataJson.ValuesAsync(await client.GetAsync("/api/alerts?$filter=status ne 'Resolved'&$top=1")))[0].GetProperty("id").GetString();
        // EF Core finds the bulk-written alert by its key (tenant id + id) and updates it in place.
        using var updated = await client.PatchAsJsonAsync($"/api/alerts/{alertId}", new { status = "Resolved" });
        updated.EnsureSuccessStatusCode();
        var alert = await ODataJson.OkAsync(await client.GetAsync($"/api/alerts/{alertId}"));

        Assert.Equal(20, machines.Count);
        Assert.Equal("Resolved", alert.GetProperty("status").GetString());
    }
}
