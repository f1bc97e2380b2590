using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class SnapshotTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Snapshot_RoundTrip_RestoresTheSavedState()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var reader = await factory.CreateApiClientAsync();
        var saved = await AppsAsync(reader);

        using var save = await admin.PostAsync("/_emulator/snapshots/before-test", null);
        await factory.RegisterAppAsync("after-snapshot", "s", ["Machine.Read.All"]);
        var changed = await AppsAsync(reader);
        using var restore = await admin.PostAsync("/_emulator/snapshots/before-test/restore", null);

        Assert.Equal(HttpStatusCode.Created, save.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, restore.StatusCode);
        Assert.NotEqual(saved, changed);
        Assert.Equal(saved, await AppsAsync(reader));
    }

    [Fact]
    public async Task Snapshots_AreListed_AndDeleted()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var save = await admin.PostAsync("/_emulator/snapshots/listed.one", null);

        using var list = await admin.GetAsync("/_emulator/snapshots");
        Assert.Contains("\"name\":\"listed.one\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":\"2026-11-02T09:", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var delete = await admin.DeleteAsync("/_emulator/snapshots/listed.one");
        using var restoreDeleted = await admin.PostAsync("/_emulator/snapshots/listed.one/restore", null);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ErrorAssert.IsErrorAsync(restoreDeleted, HttpStatusCode.NotFound, "ResourceNotFound", "Snapshot listed.one was not found");
    }

    [Fact]
    public async Task SnapshotName_OutsideTheAllowedCharacters_Returns400_InvalidInput()
    {
        using var admin = await factory.CreateReadyClientAsync();

        using var response = await admin.PostAsync("/_emulator/snapshots/bad%20name", null);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput",
            "Invalid input 'bad name' for the snapshot name; expected 1 to 64 letters, digits, '.', '_' or '-'.");
    }

    private static async Task<string> AppsAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync(ProbeApi.AppsPath);
        return await response.Content.ReadAsStringAsync();
    }
}
