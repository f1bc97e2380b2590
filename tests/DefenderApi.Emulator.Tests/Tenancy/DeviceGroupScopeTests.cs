using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Tenancy;

public sealed class DeviceGroupScopeTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    [Fact]
    public async Task Filter_IsTranslatedToSql_AndKeepsOnlyTheScopesGroups()
    {
        await factory.RegisterUserAsync("g1@contoso.com", "pw");
        await factory.RegisterUserAsync("g2@contoso.com", "pw");
        await factory.RegisterUserAsync("g3@contoso.com", "pw");
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var visible = DeviceGroupScope.Only(["g1@contoso.com", "g3@contoso.com", "absent"]);

        // The UPN stands in for a device's rbacGroupId: any string column works the same way.
        var query = db.Set<EmulatorUser>().Where(visible.Filter<EmulatorUser>(u => u.Upn)).Select(u => u.Upn).OrderBy(u => u);

        Assert.Contains("WHERE", query.ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(["g1@contoso.com", "g3@contoso.com"], await query.ToListAsync());
    }

    [Fact]
    public void Everything_IncludesAnyGroup_AndOnly_IncludesNoDeviceWithoutAGroup()
    {
        Assert.True(DeviceGroupScope.Everything.Includes(null));
        Assert.True(DeviceGroupScope.Everything.Includes("7"));
        Assert.False(DeviceGroupScope.Only(["7"]).Includes(null));
        Assert.False(DeviceGroupScope.Only(["7"]).Includes("8"));
        Assert.True(DeviceGroupScope.Only(["7"]).Includes("7"));
    }
}
