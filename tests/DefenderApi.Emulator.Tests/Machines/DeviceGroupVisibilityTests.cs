using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

/// <summary>Delegated callers see and act on machines of their device groups only; applications see every group.</summary>
public sealed class DeviceGroupVisibilityTests(ProtectedApiFactory factory) : IClassFixture<ProtectedApiFactory>
{
    private const string Finance = "f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1";
    private const string Engineering = "e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2";

    [Fact]
    public async Task UserWithOneDeviceGroup_ListsOnlyItsMachines_AndGets403ForOthers()
    {
        using var user = await SetUpAsync();

        using var list = await user.GetAsync("/api/machines");
        Assert.Equal([Finance], (await ODataJson.ValuesAsync(list)).Select(m => m.GetProperty("id").GetString()));

        using var other = await user.GetAsync($"/api/machines/{Engineering}");
        await ErrorAssert.IsErrorAsync(other, HttpStatusCode.Forbidden, "Forbidden", "Forbidden (the user has no access to device group '142').");

        using var isolate = await user.PostApiAsync($"/api/machines/{Engineering}/isolate", new { Comment = "c" });
        await ErrorAssert.IsErrorAsync(isolate, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task UserWithoutViewData_Returns403_Forbidden()
    {
        using var user = await SetUpAsync(roles: ["Active remediation actions"]);
        using var response = await user.GetAsync("/api/machines");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    private async Task<HttpClient> SetUpAsync(IReadOnlyList<string>? roles = null)
    {
        var now = EmulatorFactory.StartTime;
        await TestMachines.LoadAsync(factory, "machines",
        [
            WithGroup(TestMachines.Machine(Finance, "fin-01.contoso.com", "Windows11", "23H2", 22631, "10.8760.22631.1", now), 141),
            WithGroup(TestMachines.Machine(Engineering, "eng-01.contoso.com", "Windows11", "23H2", 22631, "10.8760.22631.1", now), 142),
        ]);
        var upn = $"user-{Guid.NewGuid():N}@contoso.com";
        await factory.RegisterUserAsync(upn, "P@ssw0rd", roles, new[] { "141" });
        return await factory.CreateClientWithTokenAsync(await factory.GetUserTokenAsync(upn, "P@ssw0rd"));
    }

    private static Dictionary<string, object?> WithGroup(object machine, long group)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(machine);
        var copy = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        copy["rbacGroupId"] = group;
        return copy;
    }
}
