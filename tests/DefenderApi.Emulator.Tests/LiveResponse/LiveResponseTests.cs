using System.Net;
using System.Text;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.LiveResponse;

public sealed class LiveResponseTests(ActionTenantFactory factory) : IClassFixture<ActionTenantFactory>
{
    private const string SignedScript = "Write-Output 'dump'\n# SIG # Begin signature block\n# MIIF...\n# SIG # End signature block\n";

    [Fact]
    public async Task RunScript_FromTheLibrary_CompletesAndItsTranscriptDownloadsThroughTheResultLink()
    {
        using var client = await factory.CreateLoadedClientAsync();
        await UploadAsync(client, "minidump.ps1", SignedScript);
        using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Windows11}/runliveresponse", new
        {
            Comment = "Testing Live Response API",
            Commands = new object[]
            {
                new { type = "RunScript", @params = new[] { new { key = "ScriptName", value = "minidump.ps1" }, new { key = "Args", value = "OfficeClickToRun" } } },
                new { type = "GetFile", @params = new[] { new { key = "Path", value = @"C:\windows\TEMP\OfficeClickToRun.dmp.zip" } } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var action = await ODataJson.OkAsync(run);
        Assert.Equal("LiveResponse", action.GetProperty("type").GetString());
        Assert.Equal("Created", action.GetProperty("commands")[0].GetProperty("commandStatus").GetString());
        var id = action.GetProperty("id").GetString();

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var link = await client.GetAsync($"/api/machineactions/{id}/GetLiveResponseResultDownloadLink(index=0)");
        var url = (await ODataJson.OkAsync(link)).GetProperty("value").GetString();
        using var transcript = await client.GetAsync(url);
        var text = await transcript.Content.ReadAsStringAsync();
        Assert.Contains("\"script_name\":\"minidump.ps1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\":0", text, StringComparison.Ordinal);

        // Links expire after 30 minutes.
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await client.GetAsync(url);
        await ErrorAssert.IsErrorAsync(expired, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task RunScript_NotInTheLibrary_Returns404_ResourceNotFound()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/runliveresponse", new
        {
            Comment = "c",
            Commands = new[] { new { type = "RunScript", @params = new[] { new { key = "ScriptName", value = "missing.sh" } } } },
        });

        await ErrorAssert.IsErrorAsync(run, HttpStatusCode.NotFound, "ResourceNotFound", "Library file missing.sh was not found");
    }

    [Fact]
    public async Task RunScript_Unsigned_WhileUnsignedScriptsAreOff_Returns403_DisabledFeature()
    {
        using var client = await factory.CreateLoadedClientAsync();
        await UploadAsync(client, "unsigned.sh", "echo hi\n");
        using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/runliveresponse", new
        {
            Comment = "c",
            Commands = new[] { new { type = "RunScript", @params = new[] { new { key = "ScriptName", value = "unsigned.sh" } } } },
        });

        await ErrorAssert.IsErrorAsync(run, HttpStatusCode.Forbidden, "DisabledFeature", "Tenant feature isn't enabled: liveResponseUnsignedScripts.");
    }

    [Fact]
    public async Task RunLiveResponse_WithAnUnknownCommandKey_Returns400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/runliveresponse", new
        {
            Commands = new[] { new { type = "GetFile", @params = new[] { new { key = "File", value = "/etc/hosts" } } } },
        });

        await ErrorAssert.IsErrorAsync(run, HttpStatusCode.BadRequest, "InvalidInput", "Invalid input 'File' for Commands[0].params; GetFile takes Path.");
    }

    [Fact]
    public async Task RunLiveResponse_OnWindows10Version1703_Returns400_ClientVersionNotSupported()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Windows10v1703}/runliveresponse", new
        {
            Commands = new[] { new { type = "GetFile", @params = new[] { new { key = "Path", value = @"C:\x.txt" } } } },
        });

        await ErrorAssert.IsErrorAsync(run, HttpStatusCode.BadRequest, "ClientVersionNotSupported", "LiveResponse is supported on client version 10.0.16299 and above.");
    }

    [Fact]
    public async Task RunLiveResponse_WhenLiveResponseIsOff_Returns403_DisabledFeature()
    {
        using var client = await factory.CreateLoadedClientAsync();
        await TenantFeatureSwitch.SetAsync(factory, TenantFeatures.LiveResponse, false);
        try
        {
            using var run = await client.PostApiAsync($"/api/machines/{TestMachines.Linux}/runliveresponse", new
            {
                Commands = new[] { new { type = "GetFile", @params = new[] { new { key = "Path", value = "/etc/hosts" } } } },
            });

            await ErrorAssert.IsErrorAsync(run, HttpStatusCode.Forbidden, "DisabledFeature", "Tenant feature isn't enabled: liveResponse.");
        }
        finally
        {
            await TenantFeatureSwitch.SetAsync(factory, TenantFeatures.LiveResponse, true);
        }
    }

    internal static async Task UploadAsync(HttpClient client, string name, string content)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "File", name },
            { new StringContent("test script"), "Description" },
            { new StringContent("true"), "OverrideIfExists" },
        };
        using var response = await client.PostAsync("/api/libraryfiles", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
