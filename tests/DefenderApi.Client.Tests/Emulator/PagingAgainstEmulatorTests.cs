using DefenderApi.Testing;

namespace DefenderApi.Client.Tests.Emulator;

/// <summary>Paging to the end through the emulator's real <c>@odata.nextLink</c>s (device AV health pages by 20).</summary>
public sealed class PagingAgainstEmulatorTests(PagingAgainstEmulatorTests.Fixture fixture) : IClassFixture<PagingAgainstEmulatorTests.Fixture>
{
    public sealed class Fixture : DefenderEmulatorFixture
    {
        protected override DefenderEmulatorOptions CreateOptions() => new() { Seed = "demo", Settings = { ["Emulator:DemoMachines"] = "57" } };
    }

    [Fact]
    public async Task DeviceAvInfo_FollowsEveryNextLink_ToTheLastPage()
    {
        var emulator = fixture.Emulator;
        var before = emulator.Journal.Requests(HttpMethod.Get, "/api/deviceavinfo").Count;

        var rows = new List<string>();
        await foreach (var row in emulator.Client.GetDeviceAvInfoAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row.MachineId!);
        }

        var pages = emulator.Journal.Requests(HttpMethod.Get, "/api/deviceavinfo").Count - before;
        Assert.True(rows.Count > 20, $"expected more than one page of rows, got {rows.Count}");
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal((rows.Count + 19) / 20, pages);
    }
}
