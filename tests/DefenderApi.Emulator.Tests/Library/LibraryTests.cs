using System.Net;
using System.Text;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;

namespace DefenderApi.Emulator.Tests.Library;

public sealed class LibraryTests(ActionTenantFactory factory) : IClassFixture<ActionTenantFactory>
{
    [Fact]
    public async Task Upload_ThenList_ThenDelete_RoundTrips()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Get-Process")), "File", "procs.ps1" },
            { new StringContent("lists processes"), "Description" },
            { new StringContent("true"), "HasParameters" },
            { new StringContent("-Name <process>"), "ParametersDescription" },
        };
        using var upload = await client.PostAsync("/api/libraryfiles", form);
        var file = await ODataJson.OkAsync(upload);
        Assert.Equal("procs.ps1", file.GetProperty("fileName").GetString());
        Assert.Equal("2fc4ce0d1ea9a6f3e1d1f14d4e8a6b3ab8ad1c7b1a3a6efbd4c0b85e0e6ae3c5".Length, file.GetProperty("sha256").GetString()!.Length);
        Assert.True(file.GetProperty("hasParameters").GetBoolean());

        using var list = await client.GetAsync("/api/libraryfiles");
        Assert.Contains(await ODataJson.ValuesAsync(list), f => f.GetProperty("fileName").GetString() == "procs.ps1");

        using var delete = await client.DeleteAsync("/api/libraryfiles/procs.ps1");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var again = await client.DeleteAsync("/api/libraryfiles/procs.ps1");
        await ErrorAssert.IsErrorAsync(again, HttpStatusCode.NotFound, "ResourceNotFound", "Library file procs.ps1 was not found");
    }

    [Fact]
    public async Task Upload_OfAnExistingName_WithoutOverride_Returns400_BadRequest()
    {
        using var client = await factory.CreateLoadedClientAsync();
        await LiveResponse.LiveResponseTests.UploadAsync(client, "dup.ps1", "1");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "File", "dup.ps1" } };
        using var response = await client.PostAsync("/api/libraryfiles", form);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "Library file dup.ps1 already exists; send OverrideIfExists=true to replace it.");
    }

    [Fact]
    public async Task Upload_Over20MB_Returns400_BadRequest()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[(20 * 1024 * 1024) + 1]), "File", "big.bin" } };
        using var response = await client.PostAsync("/api/libraryfiles", form);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest", "File big.bin is 20971521 bytes; the maximum is 20 MB (20971520 bytes).");
    }

    [Fact]
    public async Task Upload_WithoutFile_Returns400_MissingRequiredParameter()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "Description" } };
        using var response = await client.PostAsync("/api/libraryfiles", form);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "MissingRequiredParameter", "Parameter File is missing.");
    }

    [Fact]
    public async Task Upload_WithAReservedFileName_Returns400_InvalidInput()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "File", "bad|name.ps1" } };
        using var response = await client.PostAsync("/api/libraryfiles", form);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Upload_AsJson_Returns400_InvalidRequestBody()
    {
        using var client = await factory.CreateLoadedClientAsync();
        using var response = await client.PostApiAsync("/api/libraryfiles", new { File = "x" });

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }
}
