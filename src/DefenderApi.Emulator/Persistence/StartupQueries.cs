using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// The store's reads on the start path, as SQL on the context's connection. Through LINQ, the first of them compiled
/// EF Core's whole query pipeline before the emulator could report ready: the largest stage of a <c>--seed none</c>
/// start (about 2,400 methods JIT-compiled; bench/README.md, "Start-up, compiled model"). The pipeline is compiled
/// after readiness instead, by <see cref="Hosting.StartupService"/> warming the token request's own query.
/// </summary>
internal static class StartupQueries
{
    /// <summary>Every tenant's id.</summary>
    /// <param name="db">A context (its connection is opened and closed here).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ids.</returns>
    public static async Task<List<Guid>> TenantIdsAsync(EmulatorDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "Id" FROM "Tenants" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<Guid>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether a tenant exists (on the context's open connection and transaction).</summary>
    /// <param name="db">A context with an open connection.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public static Task<bool> TenantExistsAsync(EmulatorDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        ExistsAsync(db, """SELECT EXISTS (SELECT 1 FROM "Tenants" WHERE "Id" = $tenant)""", tenantId, null, cancellationToken);

    /// <summary>Whether a tenant has an application registered under a client id (open connection and transaction).</summary>
    /// <param name="db">A context with an open connection.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="clientId">The client id (compared exactly, as the primary key does).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public static Task<bool> AppExistsAsync(EmulatorDbContext db, Guid tenantId, string clientId, CancellationToken cancellationToken) =>
        ExistsAsync(db, """SELECT EXISTS (SELECT 1 FROM "Apps" WHERE "TenantId" = $tenant AND "ClientId" = $client)""", tenantId, clientId, cancellationToken);

    private static async Task<bool> ExistsAsync(EmulatorDbContext db, string sql, Guid tenantId, string? clientId, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Microsoft.Data.Sqlite binds a Guid as upper-case text, as EF Core stores it.
        AddParameter(command, "$tenant", tenantId);
        if (clientId is not null)
        {
            AddParameter(command, "$client", clientId);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
