using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// The demo set as an image: a store restored from the store image and a tenant copied from the tenant image answer
/// every list endpoint byte for byte like the same store and tenant seeded by the seeders, and the copied tenant holds
/// no other tenant's id anywhere.
/// </summary>
public sealed partial class DemoImageTests : IDisposable
{
    // Every GET of a collection (or a tenant-wide figure) without a path parameter, as docs/openapi.json lists them.
    private static readonly string[] ListEndpoints =
    [
        "/api/machines", "/api/machines/findbytag?tag=none", "/api/deviceavinfo", "/api/machines/InfoGatheringExport",
        "/api/indicators", "/api/alerts", "/api/incidents", "/api/investigations", "/api/Software", "/api/vulnerabilities",
        "/api/vulnerabilities/machinesVulnerabilities", "/api/recommendations", "/api/exposureScore",
        "/api/exposureScore/ByMachineGroups", "/api/configurationScore", "/api/machines/SoftwareVulnerabilitiesByMachine",
        "/api/machines/SoftwareInventoryByMachine", "/api/machines/SecureConfigurationsAssessmentByMachine",
        "/api/machineactions", "/api/libraryfiles",
    ];

    // Ids with letters: the tenant image needs a source whose upper- and lower-case forms differ.
    private static readonly Guid SourceTenant = Guid.Parse("5ca1ab1e-0000-4000-8000-00000000beef");
    private static readonly Guid CopiedTenant = Guid.Parse("c0ffee00-1111-4222-8333-44445555aaaa");

    private readonly string _images = Path.Combine(Path.GetTempPath(), $"defenderapi-demo-test-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("InMemory")]
    [InlineData("Sqlite")]
    public async Task RestoredStoreAndCopiedTenant_AnswerEveryListEndpointLikeSeededOnes(string storage)
    {
        await using var seeded = Emulator(imageOn: false, storage);
        await CreateDemoTenantAsync(seeded, CopiedTenant);

        await using (var builder = Emulator(imageOn: true, storage))
        {
            await CreateDemoTenantAsync(builder, SourceTenant);
        }

        Assert.Single(Directory.GetFiles(_images, "store-*.db"));
        Assert.Single(Directory.GetFiles(_images, "tenant-*.db"));
        Assert.Empty(Directory.GetFiles(_images, "*.tmp"));

        await using var restored = Emulator(imageOn: true, storage);
        await CreateDemoTenantAsync(restored, CopiedTenant);
        // The store came from the store image and the tenant from the tenant image; the seeded side used neither.
        Assert.Equal(2, restored.Services.GetRequiredService<DemoImage>().Restored);
        Assert.Equal(0, seeded.Services.GetRequiredService<DemoImage>().Restored);

        var answered = 0;
        foreach (var tenant in new[] { DefaultTenant.TenantId, CopiedTenant })
        {
            using var expected = await ApiClientAsync(seeded, tenant);
            using var actual = await ApiClientAsync(restored, tenant);
            foreach (var endpoint in ListEndpoints)
            {
                var (expectedStatus, expectedBody) = await GetAsync(expected, endpoint);
                var (actualStatus, actualBody) = await GetAsync(actual, endpoint);
                Assert.Equal(expectedStatus, actualStatus);
                if (expectedStatus == HttpStatusCode.OK)
                {
                    Assert.Equal(expectedBody, actualBody);
                    answered++;
                }
            }
        }

        // Every endpoint answered with data in both tenants, so the comparison covered them all.
        Assert.Equal(ListEndpoints.Length * 2, answered);
    }

    [Fact]
    public async Task CopiedTenant_HoldsEveryTableOfTheSeedAndNoOtherTenantsId()
    {
        await using (var builder = Emulator(imageOn: true))
        {
            await CreateDemoTenantAsync(builder, SourceTenant);
        }

        await using var restored = Emulator(imageOn: true);
        await CreateDemoTenantAsync(restored, CopiedTenant);

        using var connection = new SqliteConnection(restored.Services.GetRequiredService<DatabaseLocation>().ConnectionString);
        connection.Open();
        var copiedRows = 0L;
        foreach (var table in TenantTables(connection))
        {
            // The default tenant was seeded at the same instant with the same settings: the copy has as many rows.
            var copied = Count(connection, table, CopiedTenant);
            Assert.Equal(Count(connection, table, DefaultTenant.TenantId), copied);
            copiedRows += copied;
            foreach (var column in StoreTables.Columns(connection, table))
            {
                foreach (var other in new[] { SourceTenant, DefaultTenant.TenantId })
                {
                    Assert.True(0 == Leaks(connection, table, column, other), $"{table}.{column} of the copied tenant holds {other}");
                }
            }
        }

        Assert.True(copiedRows > 1_000, $"only {copiedRows} rows were copied");
    }

    public void Dispose()
    {
        if (Directory.Exists(_images))
        {
            Directory.Delete(_images, recursive: true);
        }
    }

    // Each emulator on a file store gets a new data directory beside the images (deleted with them).
    private EmulatorFactory Emulator(bool imageOn, string storage = "InMemory") => new()
    {
        Seed = "demo",
        DemoMachines = 60,
        UseFakeTime = true,
        Settings =
        {
            ["Emulator:DemoImage"] = imageOn ? "true" : "false",
            ["Emulator:DemoImageDirectory"] = _images,
            ["Emulator:Storage"] = storage,
            ["Emulator:DataDirectory"] = Path.Combine(_images, $"data-{Guid.NewGuid():N}"),
        },
    };

    private static async Task CreateDemoTenantAsync(EmulatorFactory factory, Guid tenantId)
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync("/_emulator/tenants", new { tenantId = tenantId.ToString(), seed = "demo" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<HttpClient> ApiClientAsync(EmulatorFactory factory, Guid tenantId)
    {
        if (tenantId != DefaultTenant.TenantId)
        {
            await factory.RegisterAppAsync("image-reader", "secret", [.. ApiPermissions.AllApplication], tenantId);
        }

        var client = await factory.CreateReadyClientAsync();
        var token = tenantId == DefaultTenant.TenantId ? await factory.GetTokenAsync() : await factory.GetTokenAsync("image-reader", "secret", tenantId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string endpoint)
    {
        using var response = await client.GetAsync(endpoint);
        // Export links are signed with each emulator's own random key: the signature is the host's, not the data's.
        return (response.StatusCode, Signature().Replace(await response.Content.ReadAsStringAsync(), "sig=(host key)"));
    }

    [GeneratedRegex("sig=[0-9a-f]+")]
    private static partial Regex Signature();

    private static List<string> TenantTables(SqliteConnection connection)
    {
        var tables = StoreTables.Names(connection);
        return [.. tables.Where(t => t is not ("Tenants" or "Apps") && StoreTables.Columns(connection, t).Contains("TenantId"))];
    }

    private static long Count(SqliteConnection connection, string table, Guid tenant) =>
        Scalar(connection, $"SELECT count(*) FROM \"{table}\" WHERE lower(\"TenantId\") = '{tenant:D}'");

    // Any form of the id: hyphenated or not, either case, and the 16 bytes of a GUID stored as a blob.
    private static long Leaks(SqliteConnection connection, string table, string column, Guid other) => Scalar(connection,
        $"SELECT count(*) FROM \"{table}\" WHERE lower(\"TenantId\") = '{CopiedTenant:D}' AND (" +
        $"instr(lower(CAST(\"{column}\" AS TEXT)), '{other:D}') > 0 OR instr(lower(CAST(\"{column}\" AS TEXT)), '{other:N}') > 0 " +
        $"OR instr(CAST(\"{column}\" AS BLOB), X'{Convert.ToHexString(other.ToByteArray())}') > 0 " +
        $"OR instr(CAST(\"{column}\" AS BLOB), X'{Convert.ToHexString(other.ToByteArray(bigEndian: true))}') > 0)");

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
