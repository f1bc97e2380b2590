using System.Data.Common;
using System.Net;
using System.Text;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// A RowQuery runs the statement EF Core writes for its LINQ query, written once per tenant, with each request's key
/// bound: same SQL, same tenant and limit values, the key in the key's parameter; and a tenant never reads another's rows.
/// </summary>
public sealed class RowQueryTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private const string MachineId = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";

    [Fact]
    public async Task Template_IsTheStatementEfCoreWritesForTheSameQuery_WithTheKeyAsAParameter()
    {
        await factory.CreateReadyClientAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        db.Tenant.TenantId = DefaultTenant.TenantId;
        var byName = new RowQuery<Machine>(static (db, name) => db.Machines().Where(m => m.ComputerDnsName == name));

        var template = byName.For(db);
        var name = "ws-42.contoso.com";
        using var expected = db.Machines().Where(m => m.ComputerDnsName == name).Take(1).CreateDbCommand();

        Assert.Equal(expected.CommandText, template.Sql);
        Assert.Equal(
            expected.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)),
            template.Parameters.Select(p => (p.Name, p.IsKey ? name : p.Value)));
        Assert.Single(template.Parameters, p => p.IsKey);
    }

    [Fact]
    public async Task Template_IsWrittenOncePerTenant()
    {
        await factory.CreateReadyClientAsync();
        var other = Guid.NewGuid();
        await factory.CreateTenantAsync(other);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var byId = new RowQuery<Alert>(static (db, id) => db.Alerts().Where(a => a.Id == id));

        db.Tenant.TenantId = DefaultTenant.TenantId;
        var first = byId.For(db);
        db.Tenant.TenantId = other;
        var second = byId.For(db);
        db.Tenant.TenantId = DefaultTenant.TenantId;

        Assert.Same(first, byId.For(db));
        Assert.NotSame(first, second);
        Assert.NotEqual(first.Parameters.Where(p => !p.IsKey).Select(p => p.Value), second.Parameters.Where(p => !p.IsKey).Select(p => p.Value));
    }

    [Fact]
    public void Template_OfAQueryThatDoesNotUseItsKey_IsRefused()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var keyless = new RowQuery<Machine>(static (db, _) => db.Machines().Where(m => m.Id == "fixed"));

        var error = Assert.Throws<InvalidOperationException>(() => keyless.For(db));
        Assert.Contains("does not take its key as a parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMachine_OfAnotherTenant_Returns404_AfterItsOwnTenantReadIt()
    {
        var other = Guid.NewGuid();
        await factory.CreateTenantAsync(other);
        await factory.RegisterAppAsync("row-query-app", "secret", ["Machine.Read.All"], other);
        using var owner = await factory.CreateApiClientAsync();
        using var load = await owner.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines", new StringContent(
            $$"""[{"id":"{{MachineId}}","computerDnsName":"ws-owned.contoso.com","osPlatform":"Windows11"}]""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        load.EnsureSuccessStatusCode();
        using var stranger = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("row-query-app", "secret", other));

        using var own = await owner.GetAsync($"/api/machines/{MachineId}", TestContext.Current.CancellationToken);
        using var foreign = await stranger.GetAsync($"/api/machines/{MachineId}", TestContext.Current.CancellationToken);
        using var foreignByName = await stranger.GetAsync("/api/machines/ws-owned.contoso.com", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ErrorAssert.IsErrorAsync(foreign, HttpStatusCode.NotFound, "ResourceNotFound", $"Machine {MachineId} was not found");
        await ErrorAssert.IsErrorAsync(foreignByName, HttpStatusCode.NotFound, "ResourceNotFound", "Machine ws-owned.contoso.com was not found");
    }
}
