using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

public sealed class GoldenTests(ManualActionFactory factory) : IClassFixture<ManualActionFactory>
{
    [Fact]
    public async Task GetMachine_ReturnsTheDocumentedEntityExactly()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.GetAsync($"/api/machines/{TestMachines.Windows10v1703}");

        Assert.Equal(
            """{"@odata.context":"http://localhost/api/$metadata#Machines/$entity","id":"1017031017031017031017031017031017031703","computerDnsName":"desktop-1703.contoso.com","firstSeen":"2026-07-25T09:00:00Z","lastSeen":"2026-11-02T08:00:00Z","osPlatform":"Windows10","onboardingStatus":"onboarded","osProcessor":"x64","version":"1703","osBuild":15063,"lastIpAddress":"10.0.0.5","lastExternalIpAddress":"167.220.196.71","healthStatus":"Active","rbacGroupName":"The-A-Team","rbacGroupId":140,"riskScore":"Low","aadDeviceId":null,"isAadJoined":false,"machineTags":["test tag 1"],"exposureLevel":"Medium","deviceValue":"Normal","ipAddresses":[{"ipAddress":"10.0.0.5","macAddress":"001122334455","operationalStatus":"Up"}],"osArchitecture":"64-bit"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IsolateAction_ReturnsTheDocumentedEntityExactly()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/isolate", new { Comment = "test for docs" });
        var text = await response.Content.ReadAsStringAsync();
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(
            """{"@odata.context":"http://localhost/api/$metadata#MachineActions/$entity","id":"<id>","type":"Isolate","scope":"Full","requestor":"defender-emulator","requestorComment":"test for docs","status":"Pending","machineId":"4444444444444444444444444444444444444444","computerDnsName":"lnx-01.contoso.com","creationDateTimeUtc":"2026-11-02T09:00:00Z","lastUpdateDateTimeUtc":"2026-11-02T09:00:00Z","cancellationRequestor":null,"cancellationComment":null,"cancellationDateTimeUtc":null,"errorHResult":0,"title":null,"externalID":null,"requestSource":"PublicApi","relatedFileInfo":null,"commands":[]}""",
            text.Replace(id, "<id>", StringComparison.Ordinal));
    }
}
