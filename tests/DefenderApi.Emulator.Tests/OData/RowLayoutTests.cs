using System.Buffers;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.DeviceHealth;
using DefenderApi.Emulator.Investigations;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OData.Rows;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using ODataJson = DefenderApi.Emulator.OData.ODataJson;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.OData;

/// <summary>
/// Lists write entities straight from their rows (RowLayout); this proves, per listed entity type and over the whole
/// demo tenant, that the bytes are exactly what the serializer writes for the materialized entities.
/// </summary>
public sealed class RowLayoutTests(RowLayoutTests.DemoFactory factory) : IClassFixture<RowLayoutTests.DemoFactory>
{
    public sealed class DemoFactory : EmulatorFactory
    {
        public DemoFactory() => Seed = "demo";
    }

    [Fact]
    public Task MachineRows_AreWrittenExactlyAsTheSerializerWritesMachines() => CompareAsync<Machine>(null);

    [Fact]
    public Task MachineRows_WithSelect_WriteOnlyTheSelectedPropertiesAsTheSerializerDoes() =>
        CompareAsync<Machine>(ODataPolicy.Properties("id", "lastSeen", "machineTags", "ipAddresses", "aadDeviceId"));

    [Fact]
    public async Task AlertRows_WithACommentAndRelatedUser_AreWrittenExactlyAsTheSerializerWritesAlerts()
    {
        using var client = await factory.CreateApiClientAsync();
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/alerts?$top=1", TestContext.Current.CancellationToken));
        var id = page.RootElement.GetProperty("value")[0].GetProperty("id").GetString();
        using var body = new StringContent("""{"Comment":"Investigating: \"é\" & <b>"}""", Encoding.UTF8, "application/json");
        using var commented = await client.PatchAsync($"/api/alerts/{id}", body, TestContext.Current.CancellationToken);
        commented.EnsureSuccessStatusCode();

        var written = await CompareAsync<Alert>(null);
        Assert.Contains(written, alert => alert.Contains("\"comment\":\"Investigating: \\\"é\\\" & <b>\"", StringComparison.Ordinal));
    }

    [Fact]
    public Task InvestigationRows_AreWrittenExactlyAsTheSerializerWritesInvestigations() => CompareAsync<Investigation>(null);

    [Fact]
    public Task DeviceAvInfoRows_AreWrittenExactlyAsTheSerializerWritesDeviceAvInfo() => CompareAsync<DeviceAvInfo>(null);

    private async Task<List<string>> CompareAsync<T>(IReadOnlySet<string>? select)
        where T : class
    {
        using var ready = await factory.CreateApiClientAsync(); // the store is created and seeded once the emulator is ready
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var options = ODataJson.Options(scope.ServiceProvider);
        var layout = scope.ServiceProvider.GetRequiredService<RowLayouts>().For(db.Model.FindEntityType(typeof(T))!);
        Assert.NotNull(layout);

        var query = db.Set<T>();
        var expected = new List<string>();
        foreach (var entity in await query.ToListAsync(TestContext.Current.CancellationToken))
        {
            expected.Add(Write(writer => ODataJson.WriteEntity(writer, entity, options, select)));
        }

        var actual = new List<string>();
        await using (var cursor = SqliteQueryCursor.Open(query, scope.ServiceProvider.GetRequiredService<DatabaseLocation>()))
        {
            var columns = layout.MapColumns(cursor);
            Assert.NotNull(columns);
            while (cursor.Read())
            {
                actual.Add(Write(writer => layout.WriteRow(writer, cursor, columns, select)));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        return actual;
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
