using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Tests.MachineActions;

public sealed class TimedLifecycleTests(ActionTenantFactory factory) : IClassFixture<ActionTenantFactory>
{
    [Fact]
    public async Task TimedMode_Isolate_GoesPendingThenInProgressThenSucceeded_OnTheFakeClock()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/isolate", new { Comment = "contain", IsolationType = "Full" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var action = await ODataJson.OkAsync(created);
        var id = action.GetProperty("id").GetString();
        Assert.Equal("Pending", action.GetProperty("status").GetString());

        factory.Clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal("InProgress", await StatusAsync(client, id));
        factory.Clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal("Succeeded", await StatusAsync(client, id));

        // The machine is now isolated: a release is accepted, and once it succeeds a second release is refused.
        using var release = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/unisolate", new { Comment = "release" });
        Assert.Equal(HttpStatusCode.Created, release.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/unisolate", new { Comment = "release" });
        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.BadRequest, "BadRequest", $"Machine {TestMachines.Windows11} is not isolated; there is no isolation to release.");
    }

    [Fact]
    public async Task ParallelIsolates_CreateExactlyOneAction_TheRestAre400_ActiveRequestAlreadyExists()
    {
        using var client = await factory.CreateLoadedClientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostApiAsync($"/api/machines/{TestMachines.Linux}/isolate", new { Comment = "race" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.BadRequest, "ActiveRequestAlreadyExists");
        }

        using var list = await client.GetAsync($"/api/machineactions?$filter=machineId eq '{TestMachines.Linux}' and type eq 'Isolate'");
        Assert.Single(await ODataJson.ValuesAsync(list));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Cancel_PendingAction_Returns200Cancelled_AndCancellingAgainIs403_DisallowedOperation()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/collectInvestigationPackage", new { Comment = "collect" });
        var id = (await ODataJson.OkAsync(created)).GetProperty("id").GetString();

        using var cancel = await client.PostApiAsync($"/api/machineactions/{id}/cancel", new { Comment = "not needed" });
        var cancelled = await ODataJson.OkAsync(cancel);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("not needed", cancelled.GetProperty("cancellationComment").GetString());
        Assert.Equal(DefaultTenant.ClientId, cancelled.GetProperty("cancellationRequestor").GetString());

        using var again = await client.PostApiAsync($"/api/machineactions/{id}/cancel", new { Comment = "again" });
        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.Forbidden, "DisallowedOperation",
            $"Cannot cancel machine action {id}: it is already in the final state Cancelled.");
    }

    private static async Task<string?> StatusAsync(HttpClient client, string? id)
    {
        using var response = await client.GetAsync($"/api/machineactions/{id}");
        return (await ODataJson.OkAsync(response)).GetProperty("status").GetString();
    }
}

public sealed class ManualLifecycleTests(ManualActionFactory factory) : IClassFixture<ManualActionFactory>
{
    [Fact]
    public async Task ManualMode_ActionStaysPending_UntilTheAdminCompleteCall()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/restrictCodeExecution", new { Comment = "lock" });
        var id = (await ODataJson.OkAsync(created)).GetProperty("id").GetString();
        factory.Clock.Advance(TimeSpan.FromMinutes(50));

        using var pending = await client.GetAsync($"/api/machineactions/{id}");
        Assert.Equal("Pending", (await ODataJson.OkAsync(pending)).GetProperty("status").GetString());

        using var complete = await client.PostApiAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/machineactions/{id}/complete", new { status = "Failed" });
        Assert.Equal("Failed", (await ODataJson.OkAsync(complete)).GetProperty("status").GetString());

        // A failed restriction leaves the machine unrestricted, so unrestrict has nothing to remove.
        using var unrestrict = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/unrestrictCodeExecution", new { Comment = "x" });
        await ErrorAssert.IsErrorAsync(unrestrict, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task ManualMode_SecondScanWhileFirstIsPending_Returns400_ActiveRequestAlreadyExists()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var first = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/runAntiVirusScan", new { Comment = "scan", ScanType = "Quick" });
        var id = (await ODataJson.OkAsync(first)).GetProperty("id").GetString();
        using var second = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/runAntiVirusScan", new { Comment = "scan", ScanType = "Full" });

        await ErrorAssert.IsErrorAsync(second, HttpStatusCode.BadRequest, "ActiveRequestAlreadyExists",
            $"Action is already in progress: a RunAntiVirusScan action on machine {TestMachines.Windows11} is pending or in progress (action {id} is Pending).");
    }

    [Fact]
    public async Task AdminComplete_OnAFinalAction_Returns403_DisallowedOperation()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.MacOs}/runliveresponse", new { Comment = "lr", Commands = new[] { new { type = "GetFile", @params = new[] { new { key = "Path", value = "/var/log/syslog" } } } } });
        var id = (await ODataJson.OkAsync(created)).GetProperty("id").GetString();
        using var done = await client.PostApiAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/machineactions/{id}/complete", new { status = "Succeeded" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var again = await client.PostApiAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/machineactions/{id}/complete", new { status = "Failed" });

        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.Forbidden, "DisallowedOperation");
    }
}

public sealed class ImmediateLifecycleTests(ImmediateActionFactory factory) : IClassFixture<ImmediateActionFactory>
{
    [Fact]
    public async Task ImmediateMode_ActionIsCreatedSucceeded_AndTheMachineIsIsolatedAtOnce()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/isolate", new { Comment = "now", IsolationType = "Selective" });
        var action = await ODataJson.OkAsync(created);
        Assert.Equal("Succeeded", action.GetProperty("status").GetString());
        Assert.Equal("Selective", action.GetProperty("scope").GetString());

        using var release = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/unisolate", new { Comment = "release" });
        Assert.Equal("Succeeded", (await ODataJson.OkAsync(release)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ImmediateMode_SucceededOffboard_MarksTheMachineInactiveAndNotOnboarded()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var offboard = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1703}/offboard", new { Comment = "retire" });
        Assert.Equal(HttpStatusCode.Created, offboard.StatusCode);

        using var machine = await client.GetAsync($"/api/machines/{TestMachines.Windows10v1703}");
        var body = await ODataJson.OkAsync(machine);
        Assert.Equal("Inactive", body.GetProperty("healthStatus").GetString());
        Assert.Equal("CanBeOnboarded", body.GetProperty("onboardingStatus").GetString());
    }
}
