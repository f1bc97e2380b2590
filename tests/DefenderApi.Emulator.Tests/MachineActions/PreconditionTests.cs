using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.MachineActions;

public sealed class PreconditionTests(ActionTenantFactory factory) : IClassFixture<ActionTenantFactory>
{
    [Fact]
    public async Task SelectiveIsolate_OnLinux_Returns400_OsPlatformNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/isolate", new { Comment = "c", IsolationType = "Selective" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "OsPlatformNotSupported", "OS Platform Linux isn't supported for this action.");
    }

    [Fact]
    public async Task Offboard_OnMacOs_Returns400_OsPlatformNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.MacOs}/offboard", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "OsPlatformNotSupported", "OS Platform macOS isn't supported for this action.");
    }

    [Fact]
    public async Task AntivirusScan_OnAndroid_Returns400_OsPlatformNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Android}/runAntiVirusScan", new { Comment = "c", ScanType = "Quick" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "OsPlatformNotSupported", "OS Platform Android isn't supported for this action.");
    }

    [Fact]
    public async Task Isolate_OnWindows10Version1607_Returns400_ClientVersionNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1607}/isolate", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ClientVersionNotSupported", "Isolate is supported on client version 10.0.15063 and above.");
    }

    [Fact]
    public async Task RestrictCodeExecution_OnWindows10Version1703_Returns400_ClientVersionNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1703}/restrictCodeExecution", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ClientVersionNotSupported", "RestrictCodeExecution is supported on client version 10.0.16299 and above.");
    }

    [Fact]
    public async Task SelectiveIsolate_OnWindows10Version1703_Returns400_ClientVersionNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1703}/isolate", new { Comment = "c", IsolationType = "Selective" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ClientVersionNotSupported", "Selective isolation is supported on client version 10.0.16299 and above.");
    }

    [Fact]
    public async Task Isolate_UnManagedDevice_OnAnOnboardedMachine_Returns400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/isolate", new { Comment = "c", IsolationType = "UnManagedDevice" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput",
            $"Invalid input 'UnManagedDevice' for IsolationType; machine {TestMachines.Linux} is onboarded (use Full or Selective).");
    }

    [Fact]
    public async Task Offboard_OnServer2012R2WithTheLegacySensor_Returns400_ClientVersionNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Server2012Mma}/offboard", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "ClientVersionNotSupported", "Offboard is supported on client version 10.8000 and above.");
    }

    [Fact]
    public async Task StopAndQuarantine_OfAMicrosoftSignedFile_Returns403_DisallowedOperation()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/StopAndQuarantineFile",
            new { Comment = "c", Sha1 = "ded8fd7f36417f66eb6ada10e0c0d7c0022986e9" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "DisallowedOperation",
            "Stop and quarantine of file ded8fd7f36417f66eb6ada10e0c0d7c0022986e9 is not allowed: the file is signed by Microsoft.");
    }

    [Fact]
    public async Task StopAndQuarantine_OfAnOrdinaryFile_Returns201_WithTheRelatedFileInfo()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/StopAndQuarantineFile",
            new { Comment = "c", Sha1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (await ODataJson.OkAsync(response)).GetProperty("relatedFileInfo");
        Assert.Equal("87662bc3d60e4200ceaf7aae249d1c343f4b83c9", file.GetProperty("fileIdentifier").GetString());
        Assert.Equal("Sha1", file.GetProperty("fileIdentifierType").GetString());
    }

    [Fact]
    public async Task StopAndQuarantine_WithAMalformedSha1_Returns400_InvalidHashValue()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/StopAndQuarantineFile", new { Comment = "c", Sha1 = "xyz" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidHashValue", "Hash value xyz is invalid.");
    }

    [Fact]
    public async Task Isolate_OnAnUnknownMachine_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync("/api/machines/nope/isolate", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound", "Machine nope was not found");
    }

    [Fact]
    public async Task Isolate_WithAnUnknownIsolationType_Returns400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/isolate", new { Comment = "c", IsolationType = "Partial" });

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains("Partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offboard_WithoutComment_Returns400_MissingRequiredParameter()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/offboard", new { });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter Comment is missing.");
    }

    [Fact]
    public async Task Isolate_WithOnlyReadPermission_Returns403_Forbidden()
    {
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        using var response = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/isolate", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task GetAndCancel_OfAnUnknownAction_Return404_ResourceNotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var get = await client.GetAsync("/api/machineactions/00000000-0000-0000-0000-00000000beef");
        using var cancel = await client.PostApiAsync("/api/machineactions/00000000-0000-0000-0000-00000000beef/cancel", new { Comment = "c" });

        await ErrorAssert.IsErrorAsync(get, HttpStatusCode.NotFound, "ResourceNotFound", "MachineAction 00000000-0000-0000-0000-00000000beef was not found");
        await ErrorAssert.IsErrorAsync(cancel, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task PackageUri_BeforeTheCollectionSucceeded_Returns404_ThenALinkThatDownloadsAZip()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var created = await client.PostApiAsync($"/api/machines/{TestMachines.MacOs}/collectInvestigationPackage", new { Comment = "c" });
        await ErrorAssert.IsErrorAsync(created, HttpStatusCode.BadRequest, "OsPlatformNotSupported");

        using var collect = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1703}/collectInvestigationPackage", new { Comment = "c" });
        var id = (await ODataJson.OkAsync(collect)).GetProperty("id").GetString();
        using var early = await client.GetAsync($"/api/machineactions/{id}/getPackageUri");
        await ErrorAssert.IsErrorAsync(early, HttpStatusCode.NotFound, "NotFound", $"The investigation package of machine action {id} is not available: the collection is Pending.");

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var ready = await client.GetAsync($"/api/machineactions/{id}/GetPackageUri");
        var body = await ODataJson.OkAsync(ready);
        Assert.Equal("http://localhost/api/$metadata#Edm.String", body.GetProperty("@odata.context").GetString());
        using var download = await client.GetAsync(body.GetProperty("value").GetString());
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', (await download.Content.ReadAsByteArrayAsync())[0]);
    }
}
