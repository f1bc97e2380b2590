using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// Row reads (lists and GETs written straight from SQLite) run beside writes. In memory the store is a shared-cache
/// database, where a reader meets a writer's table lock as SQLITE_LOCKED at once instead of waiting; the read must
/// wait for the write, as EF Core's reads do, not fail with a 500.
/// </summary>
public sealed class RowReadConcurrencyTests(RowReadConcurrencyTests.DemoFactory factory) : IClassFixture<RowReadConcurrencyTests.DemoFactory>
{
    public sealed class DemoFactory : EmulatorFactory
    {
        public DemoFactory()
        {
            Seed = "demo";
            DemoMachines = 20;
        }
    }

    [Fact]
    public async Task MachineGet_WhileAnotherConnectionHoldsAWriteOnMachines_WaitsForItAndReturns200()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await factory.CreateApiClientAsync();
        var id = await FirstMachineIdAsync(client);

        await using (var writer = await HoldWriteLockAsync())
        {
            var get = client.GetAsync($"/api/machines/{id}", ct);
            await Task.Delay(300, ct);
            Assert.False(get.IsCompleted, "the read should wait for the open write transaction");
            await writer.CommitAsync(ct);
            using var response = await get;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task MachinesList_WhileAnotherConnectionHoldsAWriteOnMachines_WaitsForItAndReturns200()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await factory.CreateApiClientAsync();

        await using (var writer = await HoldWriteLockAsync())
        {
            var list = client.GetAsync("/api/machines?$top=5", ct);
            await Task.Delay(300, ct);
            await writer.CommitAsync(ct);
            using var response = await list;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            Assert.Equal(5, page.RootElement.GetProperty("value").GetArrayLength());
        }
    }

    private static async Task<string> FirstMachineIdAsync(HttpClient client)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/machines?$top=1", TestContext.Current.CancellationToken));
        return page.RootElement.GetProperty("value")[0].GetProperty("id").GetString()!;
    }

    // A second connection to the same in-memory database, inside a write transaction that has touched Machines.
    private async Task<HeldWrite> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(factory.Services.GetRequiredService<DatabaseLocation>().ConnectionString);
        await connection.OpenAsync();
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var touch = connection.CreateCommand())
        {
            touch.Transaction = transaction;
            touch.CommandText = """UPDATE "Machines" SET "RiskScore" = "RiskScore" WHERE 1 = 1""";
            await touch.ExecuteNonQueryAsync();
        }

        return new HeldWrite(connection, transaction);
    }

    private sealed class HeldWrite(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        private bool _committed;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                await transaction.RollbackAsync();
            }

            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
